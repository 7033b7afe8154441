import Synchronization

/// The backend half of a subscription: hands out deliveries in batches so a consumer pays one
/// wake-up per batch, not per event. `NatsBus` implements it over pull fetches.
public protocol SubscriptionSource: AnyObject, Sendable {
    /// The next non-empty batch, waiting if none is buffered; `[]` once the subscription ended
    /// (bus closed, `cancel()`, or task cancellation while waiting).
    func nextBatch() async -> [EventDelivery]
    /// Events this subscriber lost because it fell behind, since it was created.
    var missedCount: UInt64 { get }
    /// Ends the subscription; buffered deliveries are dropped, unacked group deliveries redelivered.
    func cancel()
}

/// An `AsyncSequence` of deliveries. Ends when the bus is closed (after buffered events), when
/// `cancel()` is called, or when the iterating task is cancelled. Dropping the last reference
/// (subscription and iterators) cancels it.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = EventDelivery
    public typealias Failure = Never

    private let lifetime: Lifetime

    public init(source: any SubscriptionSource) {
        self.lifetime = Lifetime(source: source)
    }

    /// Running total of events this subscriber lost by falling behind (drop-oldest at capacity).
    public var missedCount: UInt64 { lifetime.source.missedCount }

    public func cancel() { lifetime.source.cancel() }

    public func makeAsyncIterator() -> Iterator {
        Iterator(lifetime: lifetime)
    }

    /// Shared by the subscription and its iterators; the last one gone cancels the source, so a
    /// forgotten subscription does not keep buffering (or keep group deliveries unacked) forever.
    /// It also holds the batch being consumed, so breaking out of a `for await` loop and iterating
    /// again loses nothing. Its lock is only taken by consumers, never by publishers.
    final class Lifetime: Sendable {
        let source: any SubscriptionSource
        let cursor = Mutex(Cursor())

        struct Cursor: ~Copyable {
            var batch: [EventDelivery] = []
            var position = 0
        }

        init(source: any SubscriptionSource) { self.source = source }
        deinit { source.cancel() }

        @inline(__always)
        func nextBuffered() -> EventDelivery? {
            cursor.withLock { c in
                guard c.position < c.batch.count else { return nil }
                defer { c.position += 1 }
                return c.batch[c.position]
            }
        }

        func refill() async -> Bool {
            let fresh = await source.nextBatch()
            guard !fresh.isEmpty else { return cursor.withLock { $0.position < $0.batch.count } }
            cursor.withLock { c in
                if c.position < c.batch.count {
                    // Another iterator of this subscription refilled meanwhile: keep both, in order.
                    c.batch.append(contentsOf: fresh)
                } else {
                    c.batch = fresh
                    c.position = 0
                }
            }
            return true
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        public typealias Failure = Never
        private let lifetime: Lifetime

        init(lifetime: Lifetime) {
            self.lifetime = lifetime
        }

        public mutating func next() async -> EventDelivery? {
            while true {
                if let delivery = lifetime.nextBuffered() { return delivery }
                guard await lifetime.refill() else { return nil }
            }
        }

        // What `for await` calls; implemented directly rather than through the library default
        // that forwards to `next()`, to save an async frame per element.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> EventDelivery? {
            while true {
                if let delivery = lifetime.nextBuffered() { return delivery }
                guard await lifetime.refill() else { return nil }
            }
        }
    }
}
