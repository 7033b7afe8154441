import Foundation
import Logging
import NATSClient
import Synchronization

/// A subscription over a JetStream pull consumer. `nextBatch()` is the fetch loop: one long-poll
/// fetch per call, its messages decoded into one batch (no per-event hop). It survives
/// disconnects: fetch errors are retried with a bounded backoff; a broadcast consumer lost with
/// a server restart is recreated after the last sequence seen (an ordered consumer: a gap in the
/// consumer sequence also recreates it there).
final class NatsFetchSource: SubscriptionSource {
    enum Kind: Sendable {
        /// Durable consumer shared by the members of a group (explicit ack).
        case group(String)
        /// Ephemeral ack-none consumer of this subscription alone.
        case broadcast
    }

    private let kind: Kind
    private let filter: String
    private let admin: NatsJetStreamAdmin
    private let options: NatsBusOptions
    private let metrics: BusMetrics
    private let logger: Logger
    private let watch: NatsConnectionWatch

    private struct State: ~Copyable {
        var subscription: JetStreamPullSubscription?
        var consumerName: String
        /// Broadcast: last stream sequence handed out (resume point); nil before the first.
        var lastStreamSequence: UInt64?
        /// Broadcast: the consumer sequence the next message must carry (ordered check).
        var nextConsumerSequence: UInt64 = 1
        var generation: UInt64
        var cancelled = false
        /// Group: batches handed out with deliveries not yet settled (naked when the member leaves).
        var outstanding: [NatsBatchAcknowledger] = []
    }

    private let state: Mutex<State>

    private init(kind: Kind, filter: String, admin: NatsJetStreamAdmin, options: NatsBusOptions,
                 metrics: BusMetrics, logger: Logger, watch: NatsConnectionWatch, consumerName: String,
                 subscription: JetStreamPullSubscription, lastStreamSequence: UInt64?) {
        self.kind = kind
        self.filter = filter
        self.admin = admin
        self.options = options
        self.metrics = metrics
        self.logger = logger
        self.watch = watch
        self.state = Mutex(State(subscription: subscription, consumerName: consumerName,
                                 lastStreamSequence: lastStreamSequence, generation: watch.generation))
    }

    // MARK: Creation

    /// Binds to the group's durable consumer, creating it if missing. An existing consumer (e.g.
    /// provisioned by `apply`) is used as it is, never changed; its filter must match.
    static func group(_ name: String, filter: String, admin: NatsJetStreamAdmin, options: NatsBusOptions,
                      metrics: BusMetrics, logger: Logger, watch: NatsConnectionWatch) async throws -> NatsFetchSource {
        let subscription = try await bindGroup(name, filter: filter, admin: admin, options: options)
        return NatsFetchSource(kind: .group(name), filter: filter, admin: admin, options: options, metrics: metrics,
                               logger: logger, watch: watch, consumerName: name, subscription: subscription,
                               lastStreamSequence: nil)
    }

    static func broadcast(filter: String, admin: NatsJetStreamAdmin, options: NatsBusOptions,
                          metrics: BusMetrics, logger: Logger, watch: NatsConnectionWatch) async throws -> NatsFetchSource {
        let (name, subscription, last) = try await createBroadcast(filter: filter, after: nil, admin: admin, options: options)
        return NatsFetchSource(kind: .broadcast, filter: filter, admin: admin, options: options, metrics: metrics,
                               logger: logger, watch: watch, consumerName: name, subscription: subscription,
                               lastStreamSequence: last)
    }

    private static func bindGroup(_ name: String, filter: String, admin: NatsJetStreamAdmin,
                                  options: NatsBusOptions) async throws -> JetStreamPullSubscription {
        let context = "\(admin.stream)/\(name)"
        if let existing = try await admin.consumer(name) {
            if existing.isPush {
                throw EventBusError(code: .invalidGroup, context: context, message: "the consumer is a push consumer",
                                    hint: "groups need a pull consumer: set kind: pull for it in the profile")
            }
            if !existing.filterSubjects.isEmpty && existing.filterSubjects != [filter] {
                throw EventBusError(
                    code: .invalidGroup, context: context,
                    message: "the group consumes '\(existing.filterSubjects.joined(separator: ","))', this member asked for '\(filter)'",
                    hint: "give every member of a group the same filter, or use another group name")
            }
        } else {
            try await admin.createGroup(name, filter: filter, options: options)
        }
        do {
            return try await admin.js.bindPull(stream: admin.stream, consumer: name)
        } catch {
            throw error.busError(context)
        }
    }

    private static func createBroadcast(filter: String, after: UInt64?, admin: NatsJetStreamAdmin,
                                        options: NatsBusOptions) async throws
        -> (String, JetStreamPullSubscription, UInt64?)
    {
        let name = "hodei_sub_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let summary = try await admin.createBroadcast(name, filter: filter, afterSequence: after, options: options)
        do {
            let subscription = try await admin.js.bindPull(stream: admin.stream, consumer: name)
            // `deliver: new` starts after the stream's last sequence at creation: resume from there.
            return (name, subscription, after ?? (options.broadcastStart == .new ? summary.deliveredStreamSequence : nil))
        } catch {
            await admin.deleteConsumer(name)
            throw error.busError("\(admin.stream)/\(name)")
        }
    }

    // MARK: SubscriptionSource

    var missedCount: UInt64 { 0 }  // JetStream keeps the events; a slow subscriber lags, it does not lose.

    func cancel() {
        let (name, wasCancelled, outstanding) = state.withLock { s in
            defer { s.cancelled = true; s.subscription = nil; s.outstanding = [] }
            return (s.consumerName, s.cancelled, s.outstanding)
        }
        // A member leaving hands its unsettled deliveries back to the group now.
        if !watch.isClosed { outstanding.forEach { $0.nakUnsettled() } }
        guard !wasCancelled, case .broadcast = kind, !watch.isClosed else { return }
        let admin = self.admin
        Task { await admin.deleteConsumer(name) }  // best effort: inactive_threshold removes it anyway
    }

    private var isEnded: Bool {
        watch.isClosed || Task.isCancelled || state.withLock { $0.cancelled }
    }

    func nextBatch() async -> [EventDelivery] {
        var failures = 0
        while !isEnded {
            do {
                let subscription = try await currentSubscription()
                let messages = try await subscription.fetch(batch: options.fetchBatch, timeout: options.fetchExpiry)
                failures = 0
                if messages.isEmpty {
                    try await checkAfterReconnect()
                    continue
                }
                let deliveries = deliveries(from: messages)
                if !deliveries.isEmpty { return deliveries }
            } catch {
                if isEnded { break }
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("fetch failed, retrying", metadata: [
                        "consumer": "\(admin.stream)/\(state.withLock { $0.consumerName })",
                        "error": "\(error)", "attempt": "\(failures)"])
                }
                state.withLock { $0.subscription = nil }  // rebind (group) or recreate (broadcast)
                // Retry backoff while the server is away (not synchronisation): 50 ms doubling to 1 s.
                try? await Task.sleep(for: .milliseconds(min(1_000, 50 << min(failures - 1, 5))))
            }
        }
        return []
    }

    private func currentSubscription() async throws -> JetStreamPullSubscription {
        if let subscription = state.withLock({ $0.subscription }) { return subscription }
        let generation = watch.generation
        switch kind {
        case .group(let name):
            let subscription = try await Self.bindGroup(name, filter: filter, admin: admin, options: options)
            state.withLock { s in
                s.subscription = subscription
                s.generation = generation
            }
            return subscription
        case .broadcast:
            let (old, after) = state.withLock { ($0.consumerName, $0.lastStreamSequence) }
            let (name, subscription, last) = try await Self.createBroadcast(filter: filter, after: after, admin: admin,
                                                                           options: options)
            await admin.deleteConsumer(old)
            logger.info("broadcast consumer recreated", metadata: [
                "consumer": "\(admin.stream)/\(name)", "resume_after": "\(after.map(String.init) ?? "-")"])
            state.withLock { s in
                s.subscription = subscription
                s.consumerName = name
                s.lastStreamSequence = last
                s.nextConsumerSequence = 1
                s.generation = generation
            }
            return subscription
        }
    }

    /// After a reconnect, a broadcast consumer may be gone (ephemeral consumers do not survive a
    /// server restart) and fetches then just time out: check, and recreate it if so.
    private func checkAfterReconnect() async throws {
        guard case .broadcast = kind else { return }
        let generation = watch.generation
        let (name, seen) = state.withLock { ($0.consumerName, $0.generation) }
        guard seen != generation else { return }
        if try await admin.consumer(name) == nil {
            state.withLock { $0.subscription = nil }
        }
        state.withLock { $0.generation = generation }
    }

    private func deliveries(from messages: [JetStreamMessage]) -> [EventDelivery] {
        let codec = SystemEventCodec()
        let acknowledger: NatsBatchAcknowledger?
        if case .group = kind {
            acknowledger = NatsBatchAcknowledger(messages: messages, metrics: metrics)
        } else {
            acknowledger = nil
        }
        var deliveries: [EventDelivery] = []
        deliveries.reserveCapacity(messages.count)
        var redelivered = 0
        for (index, message) in messages.enumerated() {
            if acknowledger == nil, !acceptInOrder(message) { break }
            let event: SystemEvent
            do {
                event = try codec.decode(Data(message.data), subject: message.subject)
            } catch {
                reportUndecodable(message, error: error, terminate: acknowledger != nil)
                acknowledger?.markSettled(index)
                continue
            }
            if message.metadata.numDelivered > 1 { redelivered += 1 }
            deliveries.append(EventDelivery(event: event, subject: message.subject,
                                            deliveryAttempt: Int(message.metadata.numDelivered),
                                            acknowledger: acknowledger, token: UInt64(index)))
        }
        if redelivered > 0 { metrics.redelivered.increment(by: redelivered) }
        if let acknowledger, !acknowledger.isFullySettled {
            state.withLock { s in
                s.outstanding.removeAll { $0.isFullySettled }
                s.outstanding.append(acknowledger)
            }
        }
        if let last = messages.last { metrics.lag.record(Int64(clamping: last.metadata.numPending)) }
        return deliveries
    }

    /// Ordered-consumer check for broadcasts: the consumer sequence must follow on; after a gap
    /// (messages lost in a disconnect) the consumer is recreated after the last sequence handed out.
    private func acceptInOrder(_ message: JetStreamMessage) -> Bool {
        state.withLock { s in
            guard message.metadata.consumerSequence == s.nextConsumerSequence else {
                logger.info("broadcast consumer sequence gap, resuming", metadata: [
                    "expected": "\(s.nextConsumerSequence)", "got": "\(message.metadata.consumerSequence)"])
                s.subscription = nil
                return false
            }
            s.nextConsumerSequence += 1
            s.lastStreamSequence = message.metadata.streamSequence
            return true
        }
    }

    /// An event that cannot be decoded would fail again on every delivery: a group terminates it
    /// (never redelivered), a broadcast skips it; both log it and count it as terminated.
    private func reportUndecodable(_ message: JetStreamMessage, error: EventBusError, terminate: Bool) {
        if terminate {
            do {
                try message.term()
            } catch {
                logger.warning("could not terminate an undecodable message", metadata: ["error": "\(error)"])
            }
        }
        metrics.terminated.increment()
        logger.error("undecodable event \(terminate ? "terminated" : "skipped")", metadata: [
            "subject": "\(message.subject)", "stream": "\(message.metadata.stream)",
            "stream_sequence": "\(message.metadata.streamSequence)", "consumer": "\(message.metadata.consumer)",
            "error": "\(error)"])
    }
}
