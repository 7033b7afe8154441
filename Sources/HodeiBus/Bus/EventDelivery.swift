/// What a backend does when a delivery is settled. `NatsBus` implements it over the JetStream
/// message (`+ACK`, `-NAK` with delay, `+TERM`); `InMemoryBus` over its group queue.
/// The token identifies the delivery inside the acknowledger (no allocation per delivery).
/// Class-bound: a delivery then holds it as one reference (16 bytes, one retain per copy)
/// rather than an opaque existential box, which keeps copying a delivery cheap on the hot path.
public protocol DeliveryAcknowledger: AnyObject, Sendable {
    func ack(token: UInt64) async throws
    func nak(token: UInt64, delay: Duration) async throws
    func term(token: UInt64) async throws
}

/// One event handed to a subscriber.
public struct EventDelivery: Sendable {
    public let event: SystemEvent
    public let subject: String
    /// 1 on first delivery, +1 for every redelivery (nak, member lost, ack wait expired).
    public let deliveryAttempt: Int
    /// Events this subscriber lost right before this one because it fell behind (drop-oldest);
    /// 0 unless the subscriber lagged. The running total is `EventSubscription.missedCount`.
    public let missedBefore: UInt64

    private let acknowledger: (any DeliveryAcknowledger)?
    private let token: UInt64

    /// `acknowledger` nil: a broadcast delivery, for which ack/nak/term do nothing.
    public init(event: SystemEvent, subject: String, deliveryAttempt: Int = 1, missedBefore: UInt64 = 0,
                acknowledger: (any DeliveryAcknowledger)? = nil, token: UInt64 = 0) {
        self.event = event
        self.subject = subject
        self.deliveryAttempt = deliveryAttempt
        self.missedBefore = missedBefore
        self.acknowledger = acknowledger
        self.token = token
    }

    /// Whether this delivery must be settled (it came through a group).
    public var requiresAck: Bool { acknowledger != nil }

    /// Done: the event will not be delivered again. Settling twice has no further effect.
    public func ack() async throws {
        try await acknowledger?.ack(token: token)
    }

    /// Not done: deliver it again to the group after `delay`.
    public func nak(delay: Duration = .zero) async throws {
        try await acknowledger?.nak(token: token, delay: delay)
    }

    /// Never deliver again (poison event).
    public func term() async throws {
        try await acknowledger?.term(token: token)
    }

    /// Copy with a different lag marker (backends set it when handing out a batch).
    func with(missedBefore: UInt64) -> EventDelivery {
        EventDelivery(event: event, subject: subject, deliveryAttempt: deliveryAttempt,
                      missedBefore: missedBefore, acknowledger: acknowledger, token: token)
    }
}
