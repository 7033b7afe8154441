/// Which bus to build and how: what `EventBusFactory` consumes. From the environment with
/// `fromEnvironment(_:)` (docs/configuration.md) or built in code / by the provisioning renderer.
public struct EventBusConfig: Sendable, Hashable {
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        case inMemory = "inmemory"
        case nats
    }

    public var backend: Backend
    /// Per-subscriber buffer of the in-memory bus (events) before the oldest is dropped.
    public var capacity: Int
    /// Subjects are `<subjectPrefix>.<area>.<event>`; applies to both backends.
    public var subjectPrefix: String
    public var nats: NatsSettings

    public init(backend: Backend = .inMemory, capacity: Int = InMemoryBus.defaultCapacity,
                subjectPrefix: String = EventSubjects.defaultPrefix, nats: NatsSettings = NatsSettings()) {
        self.backend = backend
        self.capacity = capacity
        self.subjectPrefix = subjectPrefix
        self.nats = nats
    }
}
