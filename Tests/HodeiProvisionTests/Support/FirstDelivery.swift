import HodeiBus

struct NoDelivery: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "no delivery within \(seconds)s" }
}

extension EventSubscription {
    /// The next delivery, waiting at most `seconds` (the subscription is cancelled on timeout).
    func first(within seconds: Double) async throws -> EventDelivery {
        let subscription = self
        return try await withThrowingTaskGroup(of: EventDelivery?.self) { group in
            group.addTask {
                for await delivery in subscription { return delivery }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                subscription.cancel()
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let delivery = first else { throw NoDelivery(seconds: seconds) }
            return delivery
        }
    }
}
