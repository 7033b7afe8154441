import Metrics

/// Builds the configured bus. The one place that switches on the backend.
public enum EventBusFactory {
    /// A ready bus (publish + subscribe). In memory, every call makes a new, separate bus: share
    /// the returned instance inside the process. NATS: a connected `NatsBus` (one connection per
    /// call); the stream must exist (`hodei-provision apply`).
    public static func create(_ config: EventBusConfig,
                              metricsFactory: (any MetricsFactory)? = nil) async throws -> any EventBus {
        let subjects = try EventSubjects(prefix: config.subjectPrefix)
        switch config.backend {
        case .inMemory:
            guard (1...EventBusConfig.maxCapacity).contains(config.capacity) else {
                throw EventBusError(code: .invalidConfiguration, context: "EventBusConfig.capacity",
                                    message: "\(config.capacity) is not a valid buffer size",
                                    hint: "use 1 to \(EventBusConfig.maxCapacity) events")
            }
            return InMemoryBus(capacity: config.capacity, subjects: subjects, metricsFactory: metricsFactory)
        case .nats:
            return try await NatsBus.connect(config.nats, subjectPrefix: config.subjectPrefix,
                                             metricsFactory: metricsFactory)
        }
    }

    /// A bus for a process that only consumes (worker agents, projections). Same backends.
    public static func createSubscriber(_ config: EventBusConfig,
                                        metricsFactory: (any MetricsFactory)? = nil) async throws -> any EventSubscriber {
        try await create(config, metricsFactory: metricsFactory)
    }
}
