/// `$JS.API.CONSUMER.INFO` / a `CONSUMER.LIST` entry: the config plus the progress a replace would reset.
public struct ConsumerInfo: Codable, Sendable, Hashable {
    public var streamName: String
    public var name: String
    public var config: ConsumerConfig
    /// Messages not yet delivered to this consumer.
    public var numPending: UInt64
    /// Messages delivered and awaiting acknowledgement.
    public var numAckPending: Int
    public var numRedelivered: Int
    public var numWaiting: Int
    public var delivered: SequencePair
    public var ackFloor: SequencePair

    public init(
        streamName: String, name: String, config: ConsumerConfig, numPending: UInt64 = 0, numAckPending: Int = 0,
        numRedelivered: Int = 0, numWaiting: Int = 0, delivered: SequencePair = SequencePair(),
        ackFloor: SequencePair = SequencePair()
    ) {
        self.streamName = streamName
        self.name = name
        self.config = config
        self.numPending = numPending
        self.numAckPending = numAckPending
        self.numRedelivered = numRedelivered
        self.numWaiting = numWaiting
        self.delivered = delivered
        self.ackFloor = ackFloor
    }

    enum CodingKeys: String, CodingKey {
        case streamName = "stream_name"
        case name, config, delivered
        case numPending = "num_pending"
        case numAckPending = "num_ack_pending"
        case numRedelivered = "num_redelivered"
        case numWaiting = "num_waiting"
        case ackFloor = "ack_floor"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        streamName = try c.decode(String.self, forKey: .streamName)
        name = try c.decode(String.self, forKey: .name)
        config = try c.decode(ConsumerConfig.self, forKey: .config)
        numPending = try c.decodeIfPresent(UInt64.self, forKey: .numPending) ?? 0
        numAckPending = try c.decodeIfPresent(Int.self, forKey: .numAckPending) ?? 0
        numRedelivered = try c.decodeIfPresent(Int.self, forKey: .numRedelivered) ?? 0
        numWaiting = try c.decodeIfPresent(Int.self, forKey: .numWaiting) ?? 0
        delivered = try c.decodeIfPresent(SequencePair.self, forKey: .delivered) ?? SequencePair()
        ackFloor = try c.decodeIfPresent(SequencePair.self, forKey: .ackFloor) ?? SequencePair()
    }
}

/// A consumer sequence and the matching stream sequence (`delivered`, `ack_floor`).
public struct SequencePair: Codable, Sendable, Hashable {
    public var consumerSeq: UInt64
    public var streamSeq: UInt64

    public init(consumerSeq: UInt64 = 0, streamSeq: UInt64 = 0) {
        self.consumerSeq = consumerSeq
        self.streamSeq = streamSeq
    }

    enum CodingKeys: String, CodingKey {
        case consumerSeq = "consumer_seq"
        case streamSeq = "stream_seq"
    }
}
