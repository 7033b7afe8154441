/// Permission to publish to reply subjects of received requests (`resp`).
public struct ResponsePermission: Sendable, Equatable {
    public var maxMessages: Int64
    /// Go `time.Duration`: serialized as nanoseconds.
    public var ttlNanoseconds: Int64

    public init(maxMessages: Int64 = 1, ttlNanoseconds: Int64 = 0) {
        self.maxMessages = maxMessages
        self.ttlNanoseconds = ttlNanoseconds
    }
}
