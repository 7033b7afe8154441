import Foundation

/// One stored value of a KV key, as `$JS.API.STREAM.MSG.GET` returns it.
public struct KVEntry: Sendable, Hashable {
    /// What the entry means: a value, or a delete/purge marker left by `KV-Operation`.
    public enum Operation: String, Sendable, Hashable {
        case put = "PUT"
        case delete = "DEL"
        case purge = "PURGE"
    }

    public var key: String
    public var value: [UInt8]
    /// The stream sequence: the revision that `Nats-Expected-Last-Subject-Sequence` compares against.
    public var revision: UInt64
    public var operation: Operation
    public var storedAt: Date?

    public init(key: String, value: [UInt8], revision: UInt64, operation: Operation = .put, storedAt: Date? = nil) {
        self.key = key
        self.value = value
        self.revision = revision
        self.operation = operation
        self.storedAt = storedAt
    }
}
