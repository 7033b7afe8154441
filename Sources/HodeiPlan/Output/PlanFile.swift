import Foundation

/// `plan --out plan.json`: the plan plus a fingerprint of every live resource it was computed from, so
/// `apply plan.json` applies exactly that plan and refuses when the servers moved since.
public struct PlanFile: Sendable, Hashable, Codable {
    public var plan: Plan
    /// Hash of the profile the plan came from (computed by the caller, e.g. SHA-256 of the resolved profile).
    public var profileHash: String
    public var createdAt: Date
    /// Address → fingerprint of the live config ("absent" when it did not exist, "unreadable" for a tenant
    /// that could not be read). Message counts are not part of it: traffic alone is not drift.
    public var fingerprints: [ResourceAddress: String]

    public static let absent = "absent"
    public static let unreadable = "unreadable"

    public init(plan: Plan, actual: ActualState, profileHash: String, createdAt: Date) {
        self.plan = plan
        self.profileHash = profileHash
        self.createdAt = createdAt
        let index = LiveIndex(actual)
        var fingerprints: [ResourceAddress: String] = [:]
        for resource in plan.resources {
            fingerprints[resource.address] = index.fingerprint(resource.address)
        }
        self.fingerprints = fingerprints
    }

    /// What changed on the servers since the plan was made; empty means the plan can be applied as is.
    public func verify(against actual: ActualState) -> [Drift] {
        let index = LiveIndex(actual)
        return fingerprints.keys.sorted().compactMap { address in
            let expected = fingerprints[address]!
            let found = index.fingerprint(address)
            guard expected != found else { return nil }
            return Drift(address: address, expected: expected, found: found)
        }
    }

    /// Fingerprint of a raw config: SHA-256 of its canonical JSON without the server's `_nats.*` metadata.
    public static func fingerprint(_ fields: [String: JSONValue]) -> String {
        "sha256:" + SHA256.hex(JSONValue.object(Normaliser.strippingReservedMetadata(fields)).canonicalUTF8)
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case profileHash = "profile_hash"
        case createdAt = "created_at"
        case fingerprints, plan
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .formatVersion)
        guard version == Plan.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: c,
                debugDescription: "plan file format_version \(version) is not supported (this tool reads \(Plan.currentFormatVersion)); re-run plan --out with this version")
        }
        profileHash = try c.decode(String.self, forKey: .profileHash)
        let stamp = try c.decode(String.self, forKey: .createdAt)
        guard let date = try? Date(stamp, strategy: .iso8601) else {
            throw DecodingError.dataCorruptedError(
                forKey: .createdAt, in: c, debugDescription: "'\(stamp)' is not an ISO 8601 time like 2026-11-29T00:10:28Z")
        }
        createdAt = date
        let raw = try c.decode([String: String].self, forKey: .fingerprints)
        var fingerprints: [ResourceAddress: String] = [:]
        for (key, value) in raw {
            guard let address = ResourceAddress(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fingerprints, in: c, debugDescription: "'\(key)' is not tenant[/stream[/consumer]]")
            }
            fingerprints[address] = value
        }
        self.fingerprints = fingerprints
        plan = try c.decode(Plan.self, forKey: .plan)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Plan.currentFormatVersion, forKey: .formatVersion)
        try c.encode(profileHash, forKey: .profileHash)
        try c.encode(createdAt.formatted(.iso8601), forKey: .createdAt)
        try c.encode(Dictionary(uniqueKeysWithValues: fingerprints.map { ($0.key.description, $0.value) }), forKey: .fingerprints)
        try c.encode(plan, forKey: .plan)
    }
}
