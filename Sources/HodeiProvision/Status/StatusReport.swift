import Foundation

/// The result of `status`: every tenant read, the thresholds exceeded, and the exit code.
public struct StatusReport: Sendable, Hashable, Codable {
    /// `status` exit codes, the tool's own (0 / 1 / 2) with `nats server check`'s meaning.
    public enum Outcome: Int32, Sendable, Codable {
        /// Everything read, no threshold exceeded.
        case ok = 0
        /// A tenant could not be read.
        case error = 1
        /// A threshold is exceeded (or a replica set unhealthy).
        case thresholdExceeded = 2
    }

    public var environment: String
    public var tenants: [TenantStatus]
    public var findings: [StatusFinding]

    public init(environment: String, tenants: [TenantStatus], thresholds: StatusThresholds) {
        self.environment = environment
        self.tenants = tenants
        self.findings = StatusFinding.findings(in: tenants, thresholds: thresholds)
    }

    /// An unreadable tenant wins over findings: monitoring must not read "only busy" when it is blind.
    public var outcome: Outcome {
        if tenants.contains(where: { $0.error != nil }) { return .error }
        return findings.isEmpty ? .ok : .thresholdExceeded
    }

    enum CodingKeys: String, CodingKey { case environment, tenants, findings, outcome }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(environment, forKey: .environment)
        try c.encode(tenants, forKey: .tenants)
        try c.encode(findings, forKey: .findings)
        try c.encode(String(describing: outcome), forKey: .outcome)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        environment = try c.decode(String.self, forKey: .environment)
        tenants = try c.decode([TenantStatus].self, forKey: .tenants)
        findings = try c.decode([StatusFinding].self, forKey: .findings)
    }

    /// Stable JSON (sorted keys) for `--format json`.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
