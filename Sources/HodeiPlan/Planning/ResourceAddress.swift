/// `tenant`, `tenant/stream` or `tenant/stream/consumer`: how plans, targets and errors name a resource.
public struct ResourceAddress: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    public var tenant: String
    public var stream: String?
    public var consumer: String?

    public init(tenant: String, stream: String? = nil, consumer: String? = nil) {
        self.tenant = tenant
        self.stream = stream
        self.consumer = stream == nil ? nil : consumer
    }

    /// Parses `tenant[/stream[/consumer]]`; nil when a part is empty or there are more than three.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(tenant: parts[0], stream: parts.count > 1 ? parts[1] : nil, consumer: parts.count > 2 ? parts[2] : nil)
    }

    public var description: String {
        [tenant, stream, consumer].compactMap { $0 }.joined(separator: "/")
    }

    public var kind: ResourceKind? {
        stream == nil ? nil : (consumer == nil ? .stream : .consumer)
    }

    /// The stream address of a consumer address (itself for a stream).
    public var streamAddress: ResourceAddress { ResourceAddress(tenant: tenant, stream: stream) }

    /// True when `self`, used as a target, selects `other` (a target selects everything under it).
    public func contains(_ other: ResourceAddress) -> Bool {
        guard tenant == other.tenant else { return false }
        guard let stream else { return true }
        guard stream == other.stream else { return false }
        guard let consumer else { return true }
        return consumer == other.consumer
    }

    /// Tenants, then streams, then consumers, each by name; a stream sorts right before its consumers.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
        if lhs.stream != rhs.stream { return (lhs.stream ?? "") < (rhs.stream ?? "") }
        return (lhs.consumer ?? "") < (rhs.consumer ?? "")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = ResourceAddress(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not tenant[/stream[/consumer]]"))
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
