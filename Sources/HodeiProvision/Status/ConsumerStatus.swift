import HodeiPlan

/// How far one consumer is behind (CONSUMER.LIST entry).
public struct ConsumerStatus: Sendable, Hashable, Codable {
    public var name: String
    /// Messages not yet delivered.
    public var pending: UInt64
    /// Delivered, awaiting an ack.
    public var ackPending: Int
    /// Messages delivered more than once and not yet acked.
    public var redelivered: Int
    /// Pull requests waiting.
    public var waiting: Int

    public init(name: String, pending: UInt64, ackPending: Int, redelivered: Int, waiting: Int) {
        self.name = name
        self.pending = pending
        self.ackPending = ackPending
        self.redelivered = redelivered
        self.waiting = waiting
    }

    public init(_ info: ConsumerInfo) {
        self.init(name: info.name, pending: info.numPending, ackPending: info.numAckPending,
                  redelivered: info.numRedelivered, waiting: info.numWaiting)
    }

    enum CodingKeys: String, CodingKey {
        case name, pending, redelivered, waiting
        case ackPending = "ack_pending"
    }
}
