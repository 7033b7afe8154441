import Foundation

/// Proof that the backend holds an event.
public struct PublishReceipt: Sendable, Hashable {
    public let eventId: UUID
    public let subject: String
    /// Position in the backend's log: JetStream stream sequence; in memory, the bus-wide count.
    public let sequence: UInt64
    /// The backend already had an event with this id (JetStream dedupe window); not stored twice.
    public let duplicate: Bool
    /// JetStream stream name; nil in memory.
    public let stream: String?

    public init(eventId: UUID, subject: String, sequence: UInt64, duplicate: Bool = false, stream: String? = nil) {
        self.eventId = eventId
        self.subject = subject
        self.sequence = sequence
        self.duplicate = duplicate
        self.stream = stream
    }
}

/// The outcome for one event of `EventBus.publish(batch:)`.
public struct BatchOutcome: Sendable {
    public let eventId: UUID
    public let result: Result<PublishReceipt, EventBusError>

    public init(eventId: UUID, result: Result<PublishReceipt, EventBusError>) {
        self.eventId = eventId
        self.result = result
    }

    public var receipt: PublishReceipt? { try? result.get() }
    public var error: EventBusError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
