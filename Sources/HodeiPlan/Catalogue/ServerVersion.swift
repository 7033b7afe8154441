/// A nats-server release (`2.15.1`, `v2.9.10`, `2.11.0-RC.2`), compared numerically.
public struct ServerVersion: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// Text after `-` (release candidates, betas); a pre-release sorts before its release.
    public var preRelease: String?

    public init(_ major: Int, _ minor: Int, _ patch: Int = 0, preRelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
    }

    public init?(_ description: String) {
        var text = Substring(description)
        if text.hasPrefix("v") { text = text.dropFirst() }
        let dash = text.firstIndex(of: "-")
        let core = dash.map { text[..<$0] } ?? text
        let parts = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        major = parts[0]!
        minor = parts[1]!
        patch = parts.count == 3 ? parts[2]! : 0
        preRelease = dash.map { String(text[text.index(after: $0)...]) }
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (preRelease.map { "-\($0)" } ?? "")
    }

    public static func < (lhs: ServerVersion, rhs: ServerVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let l?, let r?): return l < r
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = ServerVersion(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a server version like 2.10.4"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
