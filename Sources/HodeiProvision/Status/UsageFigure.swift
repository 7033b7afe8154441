/// One measured quantity against its limit: messages of a stream against `max_msgs`, an account's
/// storage against `max_storage`, ... A limit of nil means unlimited (the server's -1).
public struct UsageFigure: Sendable, Hashable, Codable {
    public var used: Int64
    public var limit: Int64?

    public init(used: Int64, limit: Int64?) {
        self.used = used
        self.limit = limit
    }

    /// Builds a figure from the server's form, where any negative limit means unlimited.
    public init(used: UInt64, serverLimit: Int64) {
        self.used = Int64(clamping: used)
        self.limit = serverLimit < 0 ? nil : serverLimit
    }

    /// Percentage of the limit in use; nil when unlimited. A zero limit with any use is 100 %+
    /// (the server refuses more), with none 0 %.
    public var percent: Double? {
        guard let limit else { return nil }
        guard limit > 0 else { return used > 0 ? .infinity : 0 }
        return Double(used) / Double(limit) * 100
    }

    enum CodingKeys: String, CodingKey { case used, limit, percent }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(used, forKey: .used)
        try c.encode(limit ?? -1, forKey: .limit)
        // JSON has no infinity: a zero limit in use reads as 100.
        if let percent { try c.encode(percent.isFinite ? (percent * 10).rounded() / 10 : 100, forKey: .percent) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        used = try c.decode(Int64.self, forKey: .used)
        let raw = try c.decode(Int64.self, forKey: .limit)
        limit = raw < 0 ? nil : raw
    }
}
