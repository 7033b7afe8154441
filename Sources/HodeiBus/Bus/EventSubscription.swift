/// The backend half of a subscription: hands out deliveries in batches so a consumer pays one
/// wake-up per batch, not per event. `NatsBus` implements it over pull fetches.
public protocol SubscriptionSource: AnyObject, Sendable {
    /// The next non-empty batch, waiting if none is buffered; `[]` once the subscription ended
    /// (bus closed, `cancel()`, or task cancellation while waiting).
    /// `recycling` is the caller's consumed batch, emptied, whose storage may be reused.
    func nextBatch(recycling spent: consuming [EventDelivery]) async -> [EventDelivery]
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
    final class Lifetime: Sendable {
        let source: any SubscriptionSource
        init(source: any SubscriptionSource) { self.source = source }
        deinit { source.cancel() }
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let lifetime: Lifetime
        private let source: any SubscriptionSource
        private var batch: [EventDelivery] = []
        private var position = 0

        init(lifetime: Lifetime) {
            self.lifetime = lifetime
            self.source = lifetime.source
        }

        public mutating func next() async -> EventDelivery? {
            if position < batch.count {
                defer { position += 1 }
                return batch[position]
            }
            var spent = batch
            batch = []
            spent.removeAll(keepingCapacity: true)
            batch = await source.nextBatch(recycling: consume spent)
            position = 0
            guard !batch.isEmpty else { return nil }
            position = 1
            return batch[0]
        }
    }
}
