import Synchronization

/// A named consumer group of `InMemoryBus`, behaving like a shared JetStream pull consumer:
/// each event goes to one member, stays "in flight" until acked; nak (optionally delayed) or the
/// member leaving puts it back for any member with `deliveryAttempt + 1`; term drops it.
/// Waiting members are served first come, first served, so load spreads across members.
final class InMemoryGroup: DeliveryAcknowledger {
    let name: String
    let filter: SubjectFilter
    let mask: UInt16
    private let capacity: Int
    /// Most events one member takes per pull when a backlog exists (keeps the spread fair).
    private let pullLimit: Int
    private let metrics: BusMetrics
    private let state: Mutex<State>

    struct Item: Sendable {
        let event: SystemEvent
        let subject: String
        var attempt: Int
    }

    private struct State: ~Copyable {
        var pending: [Item] = []
        var head = 0
        var inFlight: [UInt64: (item: Item, member: UInt64)] = [:]
        var waiters: [(member: UInt64, continuation: UnsafeContinuation<[EventDelivery], Never>)] = []
        var members: Set<UInt64> = []
        var nextToken: UInt64 = 1
        var missed: UInt64 = 0
        var closed = false
    }

    init(name: String, filter: SubjectFilter, mask: UInt16, capacity: Int, pullLimit: Int, metrics: BusMetrics) {
        self.name = name
        self.filter = filter
        self.mask = mask
        self.capacity = capacity
        self.pullLimit = pullLimit
        self.metrics = metrics
        self.state = Mutex(State())
    }

    var missedCount: UInt64 { state.withLock { $0.missed } }

    func join(member: UInt64) {
        state.withLock { _ = $0.members.insert(member) }
    }

    /// Returns the number of events dropped because the group's backlog was at capacity.
    @discardableResult
    func enqueue(_ item: Item) -> Int {
        var dropped = 0
        let handoff = state.withLock { s -> (UnsafeContinuation<[EventDelivery], Never>, EventDelivery)? in
            if s.closed { return nil }
            if !s.waiters.isEmpty {
                let waiter = s.waiters.removeFirst()
                return (waiter.continuation, Self.deliver(item, to: waiter.member, &s, group: self))
            }
            if s.pending.count - s.head >= capacity {
                s.head += 1
                s.missed += 1
                dropped = 1
                if s.head >= capacity { s.pending.removeFirst(s.head); s.head = 0 }
            }
            s.pending.append(item)
            return nil
        }
        if let (continuation, delivery) = handoff { continuation.resume(returning: [delivery]) }
        return dropped
    }

    private static func deliver(_ item: Item, to member: UInt64, _ s: inout State, group: InMemoryGroup) -> EventDelivery {
        let token = s.nextToken
        s.nextToken += 1
        s.inFlight[token] = (item, member)
        return EventDelivery(event: item.event, subject: item.subject, deliveryAttempt: item.attempt,
                             acknowledger: group, token: token)
    }

    /// Up to `pullLimit` deliveries for `member`, waiting if the backlog is empty; `[]` when the
    /// group closed and its backlog is drained, or the member left.
    func pull(member: UInt64) async -> [EventDelivery] {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<[EventDelivery], Never>) in
            let ready = state.withLock { s -> [EventDelivery]? in
                guard s.members.contains(member) else { return [] }
                if s.pending.count > s.head {
                    let end = min(s.pending.count, s.head + pullLimit)
                    var out: [EventDelivery] = []
                    out.reserveCapacity(end - s.head)
                    for i in s.head..<end { out.append(Self.deliver(s.pending[i], to: member, &s, group: self)) }
                    s.head = end
                    if s.head == s.pending.count { s.pending.removeAll(keepingCapacity: true); s.head = 0 }
                    else if s.head >= capacity { s.pending.removeFirst(s.head); s.head = 0 }
                    return out
                }
                if s.closed { return [] }
                s.waiters.append((member, continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// The member is gone (cancelled, dropped, task cancelled): its unacked events go back to the group.
    func leave(member: UInt64) {
        let (waiter, requeued) = state.withLock { s -> (UnsafeContinuation<[EventDelivery], Never>?, [Item]) in
            guard s.members.remove(member) != nil else { return (nil, []) }
            let index = s.waiters.firstIndex { $0.member == member }
            let waiter = index.map { s.waiters.remove(at: $0).continuation }
            let mine = s.inFlight.filter { $0.value.member == member }.sorted { $0.key < $1.key }
            for (token, _) in mine { s.inFlight[token] = nil }
            return (waiter, mine.map { var item = $0.value.item; item.attempt += 1; return item })
        }
        waiter?.resume(returning: [])
        redeliver(requeued)
    }

    func close() {
        let waiters = state.withLock { s in
            s.closed = true
            let w = s.waiters
            s.waiters = []
            return w
        }
        for waiter in waiters { waiter.continuation.resume(returning: []) }
    }

    // MARK: DeliveryAcknowledger

    func ack(token: UInt64) async throws {
        if settle(token) != nil { metrics.acknowledged.increment() }
    }

    func term(token: UInt64) async throws {
        if settle(token) != nil { metrics.terminated.increment() }
    }

    func nak(token: UInt64, delay: Duration) async throws {
        guard var item = settle(token) else { return }
        item.attempt += 1
        if delay <= .zero {
            redeliver([item])
        } else {
            // Not awaited: nak returns at once, as on NATS; the event reappears after `delay`.
            Task { [self, item] in
                try? await Task.sleep(for: delay)
                redeliver([item])
            }
        }
    }

    /// Removes the in-flight record; nil if already settled or its member left (then it was requeued).
    private func settle(_ token: UInt64) -> Item? {
        state.withLock { $0.inFlight.removeValue(forKey: token)?.item }
    }

    /// Puts events back at the front of the backlog (or straight to a waiting member).
    private func redeliver(_ items: [Item]) {
        guard !items.isEmpty else { return }
        var handoffs: [(UnsafeContinuation<[EventDelivery], Never>, EventDelivery)] = []
        state.withLock { s in
            if s.closed && s.members.isEmpty { return }
            var rest: [Item] = []
            for item in items {
                if !s.waiters.isEmpty {
                    let waiter = s.waiters.removeFirst()
                    handoffs.append((waiter.continuation, Self.deliver(item, to: waiter.member, &s, group: self)))
                } else {
                    rest.append(item)
                }
            }
            if !rest.isEmpty {
                s.pending.removeFirst(s.head)
                s.head = 0
                s.pending.insert(contentsOf: rest, at: 0)
            }
        }
        metrics.redelivered.increment(by: items.count)
        for (continuation, delivery) in handoffs { continuation.resume(returning: [delivery]) }
    }
}
