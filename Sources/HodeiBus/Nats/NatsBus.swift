import Foundation
import Logging
import Metrics
import NATSClient

/// The `EventBus` over NATS JetStream. Events are stored in one stream (`NatsSettings.stream`,
/// subjects `<prefix>.>`); a publish returns once the stream acked it (at-least-once), with the
/// event id as `Nats-Msg-Id` so a retried publish is stored once (`PublishReceipt.duplicate`).
///
/// - `subscribe(filter:)`: an ordered ephemeral pull consumer (ack none) of this subscription
///   alone, starting at new events (`NatsBusOptions.broadcastStart`), removed by the server when idle.
/// - `subscribe(filter:group:)`: the group's durable pull consumer (explicit ack), shared by all
///   members; created if missing, bound as it is if it exists (provisioned by `apply`).
///
/// One connection per bus, writing every message at once (no 1 ms coalescing delay on publishes,
/// pull requests and acks), plus one buffered connection opened by the first `publish(batch:)`;
/// both reconnect forever, and subscriptions resume after a reconnect.
public final class NatsBus: EventBus {
    public let subjects: EventSubjects
    public let settings: NatsSettings
    public let options: NatsBusOptions
    /// The underlying connection (for health checks, flush); owned by the bus.
    public let connection: NATSConnection
    let js: JetStreamContext
    private let admin: NatsJetStreamAdmin
    private let metrics: BusMetrics
    private let logger: Logger
    private let watch = NatsConnectionWatch()
    private let eventsTask: Task<Void, Never>
    private let codec = SystemEventCodec()
    private let batchConnection: NatsBatchConnection

    private init(subjects: EventSubjects, settings: NatsSettings, options: NatsBusOptions, connection: NATSConnection,
                 js: JetStreamContext, metrics: BusMetrics, logger: Logger) {
        self.batchConnection = NatsBatchConnection(options: settings.connectOptions(options),
                                                   window: options.publishWindow, apiTimeout: settings.timeout)
        self.subjects = subjects
        self.settings = settings
        self.options = options
        self.connection = connection
        self.js = js
        self.admin = NatsJetStreamAdmin(js: js, stream: settings.stream, timeout: settings.timeout)
        self.metrics = metrics
        self.logger = logger
        self.eventsTask = watch.follow(connection.events())
    }

    deinit { eventsTask.cancel() }

    /// Connects and checks (or, per `options.streamCreation`, creates) the stream.
    /// - Throws: `EventBusError` `.backendUnavailable` (unreachable, refused credentials, missing
    ///   auth/TLS file), `.invalidConfiguration` (no such stream).
    public static func connect(_ settings: NatsSettings, subjectPrefix: String = EventSubjects.defaultPrefix,
                               options: NatsBusOptions = NatsBusOptions(),
                               metricsFactory: (any MetricsFactory)? = nil,
                               logger: Logger = Logger(label: "hodei.bus.nats")) async throws -> NatsBus {
        let subjects = try EventSubjects(prefix: subjectPrefix)
        let connection: NATSConnection
        let js: JetStreamContext
        do {
            connection = try await NATSConnection.connect(settings.connectOptions(options))
            js = try connection.jetStream(maxInFlight: options.publishWindow, apiTimeout: settings.timeout)
        } catch {
            throw EventBusError.backendUnavailable(
                "nats", reason: "cannot connect to \(settings.servers.joined(separator: ",")): \(error)",
                hint: "check HODEI_NATS_URL, the credentials and TLS files (docs/configuration.md)")
        }
        let bus = NatsBus(subjects: subjects, settings: settings, options: options, connection: connection, js: js,
                          metrics: BusMetrics(backend: "nats", factory: metricsFactory), logger: logger)
        do {
            try await bus.admin.ensureStream(subjects: [subjects.everything.pattern], creation: options.streamCreation)
        } catch {
            await bus.close()
            throw error
        }
        return bus
    }

    private var name: String { "nats:\(settings.stream)" }

    // MARK: Publishing

    @discardableResult
    public func publish(_ event: SystemEvent) async throws -> PublishReceipt {
        let start = BusMetrics.now()
        guard !watch.isClosed else {
            metrics.publishFailed.increment()
            throw EventBusError.closed(name)
        }
        let subject = subjects.subject(for: event.kind)
        do {
            let ack = try await js.publish(subject: subject, data: codec.encodeBytes(event), msgId: event.id.lowercasedText,
                                           expectedStream: settings.stream, timeout: settings.timeout)
            metrics.recordPublish(count: 1, since: start)
            return PublishReceipt(eventId: event.id, subject: subject, sequence: ack.sequence,
                                  duplicate: ack.duplicate, stream: ack.stream)
        } catch {
            metrics.publishFailed.increment()
            throw error.busError("\(settings.stream) ← \(subject)", publishing: true)
        }
    }

    /// Pipelined: at most `options.publishWindow` events await their ack at once.
    public func publish(batch events: [SystemEvent]) async -> [BatchOutcome] {
        guard !events.isEmpty else { return [] }
        let start = BusMetrics.now()
        guard !watch.isClosed else {
            metrics.publishFailed.increment(by: events.count)
            let error = EventBusError.closed(name)
            return events.map { BatchOutcome(eventId: $0.id, result: .failure(error)) }
        }
        // Each event is encoded on the publishing thread right before it is sent, into reused
        // buffers: encoding overlaps the acks in flight, and nothing is allocated per event.
        let subjects = self.subjects
        let codec = self.codec
        let result: JetStreamBatchResult
        do {
            let js = try await batchConnection.jetStream()
            result = try await js.publishBatch(count: events.count, ackTimeout: max(settings.timeout, .seconds(30))) {
                index, message in
                let event = events[index]
                message.subject = subjects.subject(for: event.kind)
                codec.encode(event, appendingTo: &message.payload)
                event.id.appendLowercasedText(to: &message.msgId)
            }
        } catch {
            metrics.publishFailed.increment(by: events.count)
            let failure = error.busError("\(settings.stream) ← batch of \(events.count)", publishing: true)
            return events.map { BatchOutcome(eventId: $0.id, result: .failure(failure)) }
        }
        var outcomes: [BatchOutcome] = []
        outcomes.reserveCapacity(events.count)
        var failed = 0
        for (index, event) in events.enumerated() {
            let subject = subjects.subject(for: event.kind)
            switch result[index] {
            case .acked(let ack):
                outcomes.append(BatchOutcome(eventId: event.id, result: .success(PublishReceipt(
                    eventId: event.id, subject: subject, sequence: ack.sequence,
                    duplicate: ack.duplicate, stream: ack.stream))))
            case .failed(let error):
                failed += 1
                outcomes.append(BatchOutcome(eventId: event.id, result: .failure(
                    error.busError("\(settings.stream) ← \(subject)", publishing: true))))
            }
        }
        if failed > 0 { metrics.publishFailed.increment(by: failed) }
        metrics.recordPublish(count: events.count - failed, since: start)
        return outcomes
    }

    // MARK: Subscribing

    public func subscribe(filter: SubjectFilter) async throws -> EventSubscription {
        guard !watch.isClosed else { throw EventBusError.closed(name) }
        let source = try await NatsFetchSource.broadcast(filter: streamFilter(filter), admin: admin, options: options,
                                                         metrics: metrics, logger: logger, watch: watch)
        return EventSubscription(source: source)
    }

    public func subscribe(filter: SubjectFilter, group: String) async throws -> EventSubscription {
        try GroupName.validate(group)
        guard !watch.isClosed else { throw EventBusError.closed(name) }
        let source = try await NatsFetchSource.group(group, filter: streamFilter(filter), admin: admin, options: options,
                                                     metrics: metrics, logger: logger, watch: watch)
        return EventSubscription(source: source)
    }

    /// `SubjectFilter.all` is every event of this bus: the prefix's `<prefix>.>`; other filters
    /// are full subjects (as for `InMemoryBus`).
    private func streamFilter(_ filter: SubjectFilter) -> String {
        filter == .all ? subjects.everything.pattern : filter.pattern
    }

    /// Ends every subscription and closes the connection (unacked group deliveries are redelivered
    /// by the server after their ack wait). Idempotent.
    public func close() async {
        guard watch.close() else { return }
        await batchConnection.close()
        try? await connection.flush(timeout: .seconds(1))
        await connection.close()
        eventsTask.cancel()
    }
}

extension UUID {
    /// Lowercase text, as in the JSON (`event_id`) and `Nats-Msg-Id`.
    var lowercasedText: String { uuidString.lowercased() }
}
