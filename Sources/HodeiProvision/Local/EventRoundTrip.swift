import Foundation
import NATSClient

/// `demo`: one event published by one user of a tenant and received by another through a
/// consumer group, each connecting with nothing but its rendered env file.
///
/// TODO(natsbus): publish a `SystemEvent` through `EventBusFactory.create(profile:tenant:user:)`
/// (a `NatsBus`) and consume it with the bus's group subscription once branch `natsbus` is merged;
/// until then this speaks JetStream through NATSClient with the same subjects and consumer.
public struct EventRoundTrip: Sendable {
    public struct Outcome: Sendable, Equatable {
        public let eventID: String
        public let subject: String
        public let streamSequence: UInt64
        /// Messages of earlier runs the consumer received (and acknowledged) before this one.
        public let drainedEarlier: Int
        public let deliveries: UInt64
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

    /// Publishes one `job.created`-style event (JetStream ack awaited), then fetches from the
    /// consumer until that event arrives, acknowledging what it receives; bounded by `timeout`.
    public func run(timeout: Duration = .seconds(20)) async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let eventID = UUID().uuidString.lowercased()
        let body: [String: String] = [
            "id": eventID, "type": route.subject.split(separator: ".").suffix(2).joined(separator: "."),
            "tenant": route.tenant, "source": "hodei-provision demo",
            "occurred_at": ISO8601DateFormatter().string(from: Date()),
        ]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])

        let publishing = try await NATSConnection.connect(try publisher.connectOptions(name: "hodei-demo/\(route.publisher)"))
        let published = await Self.publish(Array(data), id: eventID, route: route, on: publishing)
        await publishing.close()
        let ack = try published.get()

        let consuming = try await NATSConnection.connect(try consumer.connectOptions(name: "hodei-demo/\(route.consumerUser)"))
        let received = await Self.result { try await receive(eventID, ack: ack, on: consuming, started: started, timeout: timeout) }
        await consuming.close()
        return try received.get()
    }

    private static func publish(_ data: [UInt8], id: String, route: DemoRoute, on connection: NATSConnection) async -> Result<PubAck, any Error> {
        await result {
            try await connection.jetStream().publish(subject: route.subject, data: data, msgId: id, expectedStream: route.stream)
        }
    }

    /// The outcome of `body` as a value, so connections are closed on every path before rethrowing.
    private static func result<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// Up to 16 messages, none when the fetch deadline passed with nothing to deliver.
    private static func fetchBatch(_ subscription: JetStreamPullSubscription) async throws -> [JetStreamMessage] {
        do {
            return try await subscription.fetch(batch: 16, timeout: .seconds(2))
        } catch {
            if error.kind == .timeout { return [] }
            throw error
        }
    }

    private func receive(_ eventID: String, ack: PubAck, on connection: NATSConnection, started: ContinuousClock.Instant,
                         timeout: Duration) async throws -> Outcome {
        let clock = ContinuousClock()
        let subscription = try await connection.jetStream().bindPull(stream: route.stream, consumer: route.consumer)
        var drained = 0
        while clock.now - started < timeout {
            for message in try await Self.fetchBatch(subscription) {
                try message.ack()
                if message.headers["Nats-Msg-Id"] == eventID {
                    return Outcome(
                        eventID: eventID, subject: message.subject, streamSequence: ack.sequence,
                        drainedEarlier: drained, deliveries: message.metadata.numDelivered, elapsed: clock.now - started)
                }
                drained += 1
            }
        }
        throw LocalEnvironmentError(
            location: "\(route.tenant)/\(route.stream)/\(route.consumer)",
            problem: "event \(eventID) (stream sequence \(ack.sequence)) not received within \(timeout)",
            fix: "check the consumer's filter covers \(route.subject) and that \(route.consumerUser) may consume it (`hodei-provision explain`)")
    }
}
