/// A tenant: one isolated NATS account with limits, users and streams.
public struct Tenant: Sendable, Equatable {
    public let name: String
    /// `tenants.<name>`, or `defaults` for the defaults block of an abstract profile.
    public let keyPath: String
    public let description: String?
    public let limits: Limits
    /// Sorted by name.
    public let users: [User]
    /// Sorted by name.
    public let streams: [Stream]

    public func stream(named name: String) -> Stream? { streams.first { $0.name == name } }

    /// Account limits; nil = not set (the server default, unlimited except JetStream).
    public struct Limits: Sendable, Equatable {
        public let maxStreams: Int64?
        public let maxConsumers: Int64?
        public let maxFile: Int64?
        public let maxMem: Int64?
        public let maxAckPending: Int64?
        public let maxConnections: Int64?
        public let maxSubscriptions: Int64?
        public let maxPayload: Int64?
        public let maxData: Int64?
        public let maxBytesRequired: Bool?
    }
}

/// A user of a tenant, described by roles; permissions are derived (`PermissionDeriver`).
public struct User: Sendable, Equatable {
    public let name: String
    public let description: String?
    public let publish: [String]
    public let subscribe: [String]
    /// `STREAM/consumer` references.
    public let consume: [ConsumeGrant]
    public let admin: Bool
    public let password: Secret?

    public struct ConsumeGrant: Sendable, Equatable, Hashable, CustomStringConvertible {
        public let stream: String
        public let consumer: String
        public var description: String { "\(stream)/\(consumer)" }
    }
}
