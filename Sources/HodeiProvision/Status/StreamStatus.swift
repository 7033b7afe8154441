/// One stream: fill against its limits, replica health and its consumers.
public struct StreamStatus: Sendable, Hashable, Codable {
    public var name: String
    /// Messages against `max_msgs`.
    public var messages: UsageFigure
    /// Bytes against `max_bytes`.
    public var bytes: UsageFigure
    public var replicas: ReplicaHealth
    public var consumers: [ConsumerStatus]

    public init(name: String, messages: UsageFigure, bytes: UsageFigure, replicas: ReplicaHealth, consumers: [ConsumerStatus]) {
        self.name = name
        self.messages = messages
        self.bytes = bytes
        self.replicas = replicas
        self.consumers = consumers
    }
}
