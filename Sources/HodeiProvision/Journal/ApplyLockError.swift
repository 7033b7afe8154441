import Foundation

/// Why an apply lock could not be taken, renewed or released.
public enum ApplyLockError: Error, CustomStringConvertible, Sendable {
    /// Another apply holds the lock of this environment.
    case held(LockRecord)
    /// The lease was taken over (expired and acquired by another apply, or force-unlocked).
    case lost(environment: String, by: LockRecord?)
    /// The bucket could not be read or written.
    case bucket(ProvisionBucketError)
    /// The stored lock value is not a lock record (written by something else).
    case unreadable(environment: String, revision: UInt64)

    public var description: String {
        switch self {
        case .held(let record):
            let formatter = ISO8601DateFormatter()
            return "environment \(record.environment) is locked by \(record.holder) since "
                + "\(formatter.string(from: record.acquiredAt)); the lock expires at "
                + "\(formatter.string(from: record.expiresAt)) (fix: wait for that apply to finish, or, if it "
                + "is known to be dead, run again with --force-unlock)"
        case .lost(let environment, let record):
            let who = record.map { " to \($0.holder)" } ?? ""
            return "the apply lock of environment \(environment) was lost\(who) while this apply ran "
                + "(fix: check what the other apply changed, then plan again)"
        case .bucket(let error):
            return "apply lock: \(error)"
        case .unreadable(let environment, let revision):
            return "the apply lock of environment \(environment) (revision \(revision)) is not a hodei-provision "
                + "lock record (fix: remove it with --force-unlock)"
        }
    }
}
