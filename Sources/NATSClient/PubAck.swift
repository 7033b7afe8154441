/// The server's acknowledgement of a JetStream publish.
public struct PubAck: Sendable, Equatable, Decodable {
    public var stream: String
    public var sequence: UInt64
    /// True when the message id was seen within the stream's duplicate window; nothing was stored.
    public var duplicate: Bool
    public var domain: String?

    public init(stream: String, sequence: UInt64, duplicate: Bool, domain: String? = nil) {
        self.stream = stream
        self.sequence = sequence
        self.duplicate = duplicate
        self.domain = domain
    }

    enum CodingKeys: String, CodingKey {
        case stream, sequence = "seq", duplicate, domain
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stream = try container.decode(String.self, forKey: .stream)
        sequence = try container.decode(UInt64.self, forKey: .sequence)
        duplicate = try container.decodeIfPresent(Bool.self, forKey: .duplicate) ?? false
        domain = try container.decodeIfPresent(String.self, forKey: .domain)
    }
}
