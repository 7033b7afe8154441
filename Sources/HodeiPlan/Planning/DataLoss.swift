/// What a delete or replace destroys.
public struct DataLoss: Sendable, Hashable, Codable {
    /// Messages stored in the stream (stream delete/replace).
    public var messages: UInt64?
    /// Consumers that disappear with the stream.
    public var consumers: Int?
    /// Consumer delete/replace: messages not yet delivered to it (its position is lost).
    public var pending: UInt64?
    /// Consumer delete/replace: messages delivered but not acknowledged.
    public var ackPending: Int?

    public init(messages: UInt64? = nil, consumers: Int? = nil, pending: UInt64? = nil, ackPending: Int? = nil) {
        self.messages = messages
        self.consumers = consumers
        self.pending = pending
        self.ackPending = ackPending
    }

    enum CodingKeys: String, CodingKey {
        case messages, consumers, pending
        case ackPending = "ack_pending"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.decodeIfPresent(UInt64.self, forKey: .messages)
        consumers = try c.decodeIfPresent(Int.self, forKey: .consumers)
        pending = try c.decodeIfPresent(UInt64.self, forKey: .pending)
        ackPending = try c.decodeIfPresent(Int.self, forKey: .ackPending)
    }

    public func encode(to encoder: any Encoder) throws {
        // Every key present (null when it does not apply to the resource kind).
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messages, forKey: .messages)
        try c.encode(consumers, forKey: .consumers)
        try c.encode(pending, forKey: .pending)
        try c.encode(ackPending, forKey: .ackPending)
    }
}
