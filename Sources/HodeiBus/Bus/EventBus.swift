/// The receiving half of a bus; what `EventBusFactory.createSubscriber(_:)` returns.
public protocol EventSubscriber: Sendable {
    /// Every event matching `filter`, as a broadcast: each subscription gets its own copy.
    /// Deliveries need no ack (acking is a no-op).
    func subscribe(filter: SubjectFilter) async throws -> EventSubscription

    /// As a member of the named group: each matching event goes to ONE member of the group,
    /// which must `ack()` it; `nak(delay:)` or the member leaving without acking redelivers it
    /// to the group, `term()` drops it. Members of one group must use the same filter.
    func subscribe(filter: SubjectFilter, group: String) async throws -> EventSubscription

    /// Ends every subscription (buffered events are still delivered first) and refuses new work.
    func close() async
}

/// The event bus of Hodei Pipelines. Server modules hold `any EventBus`; backends are
/// `InMemoryBus` and (phase 2) `NatsBus`. Obtain one from `EventBusFactory.create(_:)`.
public protocol EventBus: EventSubscriber {
    /// Publishes one event on its subject; returns once the backend holds it durably
    /// (for NATS: the JetStream ack; in memory: handed to every matching subscriber).
    @discardableResult
    func publish(_ event: SystemEvent) async throws -> PublishReceipt

    /// Publishes many events, pipelined by the backend; one outcome per event, in input order.
    func publish(batch events: [SystemEvent]) async -> [BatchOutcome]
}

extension EventSubscriber {
    /// Every event of the bus (filter `SubjectFilter.all`).
    public func subscribe() async throws -> EventSubscription {
        try await subscribe(filter: .all)
    }

    /// Every event of the bus, as a member of `group`.
    public func subscribe(group: String) async throws -> EventSubscription {
        try await subscribe(filter: .all, group: group)
    }
}
