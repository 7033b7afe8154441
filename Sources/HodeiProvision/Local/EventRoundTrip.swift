import Foundation
import HodeiBus

/// `demo`: one `SystemEvent` published by one user of a tenant and received by another as a member
/// of a consumer group, both through `EventBusFactory` buses built from nothing but their rendered
/// env files (`EventBusConfig.fromEnvironment`), exactly as a Hodei Pipelines service would.
public struct EventRoundTrip: Sendable {
    public struct Outcome: Sendable, Equatable {
        public let eventID: String
        public let subject: String
        public let streamSequence: UInt64
        /// Events of earlier runs the group received (and acknowledged) before this one.
        public let drainedEarlier: Int
        public let deliveries: Int
        public let elapsed: Duration
    }

    public let route: DemoRoute
    public let publisher: ClientEnvironmentFile
    public let consumer: ClientEnvironmentFile

    public init(route: DemoRoute, publisher: ClientEnvironmentFile, consumer: ClientEnvironmentFile) {
        self.route = route
        self.publisher = publisher
        self.consumer = consumer
    }

    /// Joins the group, publishes one event (JetStream ack awaited), then takes deliveries from the
    /// group, acknowledging each, until that event arrives; bounded by `timeout`.
    public func run(timeout: Duration = .seconds(20)) async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let consuming = try await Self.natsBus(consumer)
        let received: Result<Outcome, any Error>
        do {
            let filter = try route.groupFilter.map { try SubjectFilter($0) } ?? .all
            let subscription = try await consuming.subscribe(filter: filter, group: route.consumer)
            let event = DemoEvent.make(route.kind, tenant: route.tenant)
            let receipt = try await publish(event)
            received = await Self.result {
                try await receive(event, receipt: receipt, from: subscription, started: started, timeout: timeout)
            }
        } catch {
            received = .failure(error)
        }
        await consuming.close()
        return try received.get()
    }

    private func publish(_ event: SystemEvent) async throws -> PublishReceipt {
        let publishing = try await Self.natsBus(publisher)
        let published = await Self.result { try await publishing.publish(event) }
        await publishing.close()
        return try published.get()
    }

    /// The bus an application given `file` would build; `demo` needs a real (NATS) one.
    private static func natsBus(_ file: ClientEnvironmentFile) async throws -> any EventBus {
        let config: EventBusConfig
        do {
            config = try EventBusConfig.fromEnvironment(file.variables)
        } catch {
            throw LocalEnvironmentError(location: file.path, problem: "\(error)", fix: "render the file again with `hodei-provision up`")
        }
        guard config.backend == .nats else {
            throw LocalEnvironmentError(
                location: file.path, problem: "HODEI_EVENT_BUS_TYPE is inmemory: there is no shared bus to round-trip through",
                fix: "set bus.type: nats in the profile (dev.profile: unset HODEI_EVENT_BUS_TYPE) and run `up` again")
        }
        return try await EventBusFactory.create(config)
    }

    /// The outcome of `body` as a value, so buses are closed on every path before rethrowing.
    private static func result<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    private func receive(_ event: SystemEvent, receipt: PublishReceipt, from subscription: EventSubscription,
                         started: ContinuousClock.Instant, timeout: Duration) async throws -> Outcome {
        let clock = ContinuousClock()
        // Leaving the group ends the sequence (within one fetch expiry): that bounds the wait.
        let deadline = Task {
            try? await Task.sleep(until: started + timeout, clock: clock)
            subscription.cancel()
        }
        defer { deadline.cancel() }
        var drained = 0
        for await delivery in subscription {
            try await delivery.ack()
            if delivery.event.id == event.id {
                subscription.cancel()
                return Outcome(
                    eventID: event.id.uuidString.lowercased(), subject: delivery.subject, streamSequence: receipt.sequence,
                    drainedEarlier: drained, deliveries: delivery.deliveryAttempt, elapsed: clock.now - started)
            }
            drained += 1
        }
        throw LocalEnvironmentError(
            location: "\(route.tenant)/\(route.stream)/\(route.consumer)",
            problem: "event \(event.id.uuidString.lowercased()) (stream sequence \(receipt.sequence)) not received within \(timeout)",
            fix: "check the consumer's filter covers \(route.subject) and that \(route.consumerUser) may consume it (`hodei-provision explain`)")
    }
}
