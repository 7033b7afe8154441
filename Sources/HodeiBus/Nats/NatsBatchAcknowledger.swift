import NATSClient

/// Settles the deliveries of one fetched batch: one object per fetch, the token is the index in
/// the batch (no allocation per delivery). Acks are JetStream ack-protocol messages on each
/// message's reply subject (fire-and-forget; a lost ack means a redelivery, never a loss).
final class NatsBatchAcknowledger: DeliveryAcknowledger {
    private let messages: [JetStreamMessage]
    private let metrics: BusMetrics

    init(messages: [JetStreamMessage], metrics: BusMetrics) {
        self.messages = messages
        self.metrics = metrics
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

    private func settle(_ token: UInt64, _ send: (JetStreamMessage) throws(NATSError) -> Void) throws(EventBusError) {
        let message = messages[Int(token)]
        do {
            try send(message)
        } catch {
            throw error.busError("\(message.metadata.stream)/\(message.metadata.consumer)")
        }
    }
}
