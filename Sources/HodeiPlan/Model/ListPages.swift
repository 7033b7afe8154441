/// One page of `$JS.API.STREAM.LIST` (request `{"offset": N}`; keep asking while `offset + count < total`).
public struct StreamListPage: Decodable, Sendable, Hashable {
    public var total: Int
    public var offset: Int
    public var limit: Int
    public var streams: [StreamInfo]

    public init(total: Int = 0, offset: Int = 0, limit: Int = 0, streams: [StreamInfo] = []) {
        self.total = total
        self.offset = offset
        self.limit = limit
        self.streams = streams
    }

    enum CodingKeys: String, CodingKey { case total, offset, limit, streams }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decodeIfPresent(Int.self, forKey: .total) ?? 0
        offset = try c.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 0
        // The server sends `null` rather than `[]` for an account without streams.
        streams = try c.decodeIfPresent([StreamInfo].self, forKey: .streams) ?? []
    }

    /// Offset of the next page, or nil when this was the last one.
    public var nextOffset: Int? { offset + streams.count < total && !streams.isEmpty ? offset + streams.count : nil }
}

/// One page of `$JS.API.CONSUMER.LIST.<stream>`.
public struct ConsumerListPage: Decodable, Sendable, Hashable {
    public var total: Int
    public var offset: Int
    public var limit: Int
    public var consumers: [ConsumerInfo]

    public init(total: Int = 0, offset: Int = 0, limit: Int = 0, consumers: [ConsumerInfo] = []) {
        self.total = total
        self.offset = offset
        self.limit = limit
        self.consumers = consumers
    }

    enum CodingKeys: String, CodingKey { case total, offset, limit, consumers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decodeIfPresent(Int.self, forKey: .total) ?? 0
        offset = try c.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 0
        consumers = try c.decodeIfPresent([ConsumerInfo].self, forKey: .consumers) ?? []
    }

    public var nextOffset: Int? { offset + consumers.count < total && !consumers.isEmpty ? offset + consumers.count : nil }
}
