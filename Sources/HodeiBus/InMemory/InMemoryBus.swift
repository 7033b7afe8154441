import Metrics
import Synchronization

/// An in-process `EventBus`: broadcast subscriptions with a bounded buffer each (drop-oldest,
/// missed count reported), load-balanced groups with ack/nak/term, NATS wildcard filters.
/// Publishing never waits for a subscriber. Nothing survives the process: "durable" here means
/// handed to every matching subscriber. Thread-safe through locks (no actor hop per event).
public final class InMemoryBus: EventBus {
    public static let defaultCapacity = 10_000

    public let subjects: EventSubjects
    public let capacity: Int
    private let pullLimit: Int
    private let metrics: BusMetrics
    private let state: Mutex<State>

    /// Immutable snapshot of who receives what; replaced on (un)subscribe, read on every publish.
    private struct Targets: Sendable {
        var broadcasts: [BroadcastSource] = []
        var groups: [InMemoryGroup] = []
    }

    private struct State: ~Copyable {
        var targets = Targets()
        var groupMembers: [String: Set<UInt64>] = [:]
        var sequence: UInt64 = 0
        var nextSubscriberId: UInt64 = 1
        var closed = false
    }

    /// - Parameters:
    ///   - capacity: events buffered per subscriber (and per group backlog) before the oldest is dropped.
    ///   - groupPullLimit: most events a group member takes at once when a backlog exists.
    ///   - metricsFactory: nil = the bootstrapped `MetricsSystem`.
    public init(capacity: Int = InMemoryBus.defaultCapacity, subjects: EventSubjects = try! EventSubjects(),
                groupPullLimit: Int = 32, metricsFactory: (any MetricsFactory)? = nil) {
        precondition(capacity > 0, "InMemoryBus capacity must be positive (got \(capacity))")
        precondition(groupPullLimit > 0, "groupPullLimit must be positive")
        self.capacity = capacity
        self.subjects = subjects
        self.pullLimit = groupPullLimit
        self.metrics = BusMetrics(backend: "inmemory", factory: metricsFactory)
        self.state = Mutex(State())
    }

    private var name: String { "inmemory:\(subjects.prefix)" }

    // MARK: Publishing

    @discardableResult
    public func publish(_ event: SystemEvent) async throws -> PublishReceipt {
        let start = BusMetrics.now()
        guard let (sequence, targets) = state.withLock({ s -> (UInt64, Targets)? in
            if s.closed { return nil }
            s.sequence += 1
            return (s.sequence, s.targets)
        }) else {
            metrics.publishFailed.increment()
            throw EventBusError.closed(name)
        }
        let kind = event.kind
        let subject = subjects.subject(for: kind)
        let bit = UInt16(1) << kind.index
        var dropped = 0
        var lag: UInt64 = 0
        for target in targets.broadcasts where target.mask & bit != 0 {
            let (d, total) = target.enqueue(EventDelivery(event: event, subject: subject))
            if d > 0 { dropped += d; lag = max(lag, total) }
        }
        for group in targets.groups where group.mask & bit != 0 {
            dropped += group.enqueue(.init(event: event, subject: subject, attempt: 1))
        }
        if dropped > 0 { recordDropped(dropped, lag: lag) }
        metrics.recordPublish(count: 1, since: start)
        return PublishReceipt(eventId: event.id, subject: subject, sequence: sequence)
    }

    public func publish(batch events: [SystemEvent]) async -> [BatchOutcome] {
        guard !events.isEmpty else { return [] }
        let start = BusMetrics.now()
        guard let (first, targets) = state.withLock({ s -> (UInt64, Targets)? in
            if s.closed { return nil }
            let first = s.sequence + 1
            s.sequence += UInt64(events.count)
            return (first, s.targets)
        }) else {
            metrics.publishFailed.increment(by: events.count)
            let error = EventBusError.closed(name)
            return events.map { BatchOutcome(eventId: $0.id, result: .failure(error)) }
        }
        let deliveries = events.map { EventDelivery(event: $0, subject: subjects.subject(for: $0.kind)) }
        var dropped = 0
        var lag: UInt64 = 0
        for target in targets.broadcasts {
            let (d, total) = target.mask == EventFilterMask.all
                ? target.enqueue(contentsOf: deliveries)
                : target.enqueue(contentsOf: deliveries.lazy.filter { target.mask & (1 << $0.event.kind.index) != 0 })
            if d > 0 { dropped += d; lag = max(lag, total) }
        }
        for group in targets.groups {
            for delivery in deliveries where group.mask & (1 << delivery.event.kind.index) != 0 {
                dropped += group.enqueue(.init(event: delivery.event, subject: delivery.subject, attempt: 1))
            }
        }
        if dropped > 0 { recordDropped(dropped, lag: lag) }
        metrics.recordPublish(count: events.count, since: start)
        return deliveries.enumerated().map { i, d in
            BatchOutcome(eventId: d.event.id, result: .success(
                PublishReceipt(eventId: d.event.id, subject: d.subject, sequence: first + UInt64(i))))
        }
    }

    private func recordDropped(_ dropped: Int, lag: UInt64) {
        metrics.missed.increment(by: dropped)
        if lag > 0 { metrics.lag.record(Int64(lag)) }
    }

    // MARK: Subscribing

    public func subscribe(filter: SubjectFilter) async throws -> EventSubscription {
        let mask = EventFilterMask.mask(of: filter, subjects: subjects)
        let source = try state.withLock { s throws(EventBusError) -> BroadcastSource in
            if s.closed { throw EventBusError.closed(name) }
            let id = s.nextSubscriberId
            s.nextSubscriberId += 1
            let source = BroadcastSource(id: id, mask: mask, capacity: capacity) { [weak self] id in
                self?.removeBroadcast(id)
            }
            s.targets.broadcasts.append(source)
            return source
        }
        return EventSubscription(source: source)
    }

    public func subscribe(filter: SubjectFilter, group: String) async throws -> EventSubscription {
        try GroupName.validate(group)
        let mask = EventFilterMask.mask(of: filter, subjects: subjects)
        let source = try state.withLock { s throws(EventBusError) -> GroupMemberSource in
            if s.closed { throw EventBusError.closed(name) }
            let member = s.nextSubscriberId
            s.nextSubscriberId += 1
            let existing = s.targets.groups.first { $0.name == group }
            if let existing, existing.filter != filter {
                throw EventBusError(
                    code: .invalidGroup, context: "\(name)/\(group)",
                    message: "the group consumes '\(existing.filter)', this member asked for '\(filter)'",
                    hint: "give every member of a group the same filter, or use another group name")
            }
            let target = existing ?? InMemoryGroup(name: group, filter: filter, mask: mask, capacity: capacity,
                                                   pullLimit: pullLimit, metrics: metrics)
            if existing == nil { s.targets.groups.append(target) }
            s.groupMembers[group, default: []].insert(member)
            return GroupMemberSource(group: target, member: member) { [weak self] member in
                self?.removeMember(member, of: group)
            }
        }
        return EventSubscription(source: source)
    }

    private func removeBroadcast(_ id: UInt64) {
        state.withLock { s in s.targets.broadcasts.removeAll { $0.id == id } }
    }

    /// The last member leaving removes the group (in memory nothing is durable; NATS keeps it).
    private func removeMember(_ member: UInt64, of group: String) {
        state.withLock { s in
            s.groupMembers[group]?.remove(member)
            if s.groupMembers[group]?.isEmpty == true {
                s.groupMembers[group] = nil
                s.targets.groups.removeAll { $0.name == group }
            }
        }
    }

    /// Live subscriptions: broadcast ones plus group members.
    public var subscriberCount: Int {
        state.withLock { s in s.targets.broadcasts.count + s.groupMembers.values.reduce(0) { $0 + $1.count } }
    }

    public func close() async {
        let targets = state.withLock { s -> Targets? in
            if s.closed { return nil }
            s.closed = true
            return s.targets
        }
        guard let targets else { return }
        for target in targets.broadcasts { target.close() }
        for group in targets.groups { group.close() }
    }
}
