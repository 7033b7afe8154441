import NATSClient
import Synchronization

/// Settles the deliveries of one fetched batch: one object per fetch, the token is the index in
/// the batch (no allocation per delivery). Acks are JetStream ack-protocol messages on each
/// message's reply subject (fire-and-forget; a lost ack means a redelivery, never a loss).
/// It remembers what is settled so a member leaving can hand the rest back (`nakUnsettled`).
final class NatsBatchAcknowledger: DeliveryAcknowledger {
    private let messages: [JetStreamMessage]
    private let metrics: BusMetrics
    private let settled: Mutex<(flags: [Bool], remaining: Int)>

    init(messages: [JetStreamMessage], metrics: BusMetrics) {
        self.messages = messages
        self.metrics = metrics
        self.settled = Mutex((flags: [Bool](repeating: false, count: messages.count), remaining: messages.count))
    }

    var isFullySettled: Bool { settled.withLock { $0.remaining == 0 } }

    /// Marks a message settled without sending anything (an undecodable one, terminated already).
    func markSettled(_ token: Int) {
        settled.withLock { s in
            if !s.flags[token] { s.flags[token] = true; s.remaining -= 1 }
        }
    }

    func ack(token: UInt64) async throws {
        try settle(token) { (message) throws(NATSError) in try message.ack() }
        metrics.acknowledged.increment()
    }

    func nak(token: UInt64, delay: Duration) async throws {
        try settle(token) { (message) throws(NATSError) in try message.nak(delay: delay == .zero ? nil : delay) }
    }

    func term(token: UInt64) async throws {
        try settle(token) { (message) throws(NATSError) in try message.term() }
        metrics.terminated.increment()
    }

    /// Naks every message not settled yet (the member leaves: redeliver now, not after ack wait).
    func nakUnsettled() {
        let pending = settled.withLock { s -> [Int] in
            let pending = s.flags.indices.filter { !s.flags[$0] }
            for index in pending { s.flags[index] = true }
            s.remaining = 0
            return pending
        }
        for index in pending { try? messages[index].nak() }
    }

    private func settle(_ token: UInt64, _ send: (JetStreamMessage) throws(NATSError) -> Void) throws(EventBusError) {
        let index = Int(token)
        markSettled(index)
        let message = messages[index]
        do {
            try send(message)
        } catch {
            throw error.busError("\(message.metadata.stream)/\(message.metadata.consumer)")
        }
    }
}
