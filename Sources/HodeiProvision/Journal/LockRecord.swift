import Foundation

/// The value stored under `lock.<env>` while an apply runs.
public struct LockRecord: Codable, Sendable, Hashable {
    public var environment: String
    public var holder: LockHolder
    public var acquiredAt: Date
    public var expiresAt: Date
    /// Distinguishes two leases of one process (a renewal must come from the lease that acquired).
    public var leaseID: String

    public init(environment: String, holder: LockHolder, acquiredAt: Date, expiresAt: Date, leaseID: String) {
        self.environment = environment
        self.holder = holder
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
        self.leaseID = leaseID
    }

    enum CodingKeys: String, CodingKey {
        case environment, holder
        case acquiredAt = "acquired_at"
        case expiresAt = "expires_at"
        case leaseID = "lease_id"
    }

    public func isExpired(at now: Date) -> Bool { expiresAt <= now }

    // Same RFC 3339 (millisecond) dates as the journal.
    static var encoder: JSONEncoder { ApplyRecord.encoder }
    static var decoder: JSONDecoder { ApplyRecord.decoder }
}
