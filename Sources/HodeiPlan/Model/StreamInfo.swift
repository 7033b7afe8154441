/// `$JS.API.STREAM.INFO` / a `STREAM.LIST` entry: the config plus the state the planner needs.
public struct StreamInfo: Codable, Sendable, Hashable {
    public var config: StreamConfig
    public var state: StreamState
    public var created: String?

    public init(config: StreamConfig, state: StreamState = StreamState(), created: String? = nil) {
        self.config = config
        self.state = state
        self.created = created
    }
}

/// The parts of a stream's `state` that matter for planning (data that a replace or delete would lose).
public struct StreamState: Codable, Sendable, Hashable {
    public var messages: UInt64
    public var bytes: UInt64
    public var firstSeq: UInt64
    public var lastSeq: UInt64
    public var consumerCount: Int

    public init(messages: UInt64 = 0, bytes: UInt64 = 0, firstSeq: UInt64 = 0, lastSeq: UInt64 = 0, consumerCount: Int = 0) {
        self.messages = messages
        self.bytes = bytes
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.consumerCount = consumerCount
    }

    enum CodingKeys: String, CodingKey {
        case messages, bytes
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
        case consumerCount = "consumer_count"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.decodeIfPresent(UInt64.self, forKey: .messages) ?? 0
        bytes = try c.decodeIfPresent(UInt64.self, forKey: .bytes) ?? 0
        firstSeq = try c.decodeIfPresent(UInt64.self, forKey: .firstSeq) ?? 0
        lastSeq = try c.decodeIfPresent(UInt64.self, forKey: .lastSeq) ?? 0
        consumerCount = try c.decodeIfPresent(Int.self, forKey: .consumerCount) ?? 0
    }
}
