import Foundation

/// JSON encoding of `SystemEvent`s as carried on the wire (docs/events.md). Keys are sorted so the
/// bytes of an event are deterministic (golden fixtures, byte-identical republish).
public struct SystemEventCodec: Sendable {
    public init() {}

    public func encode(_ event: SystemEvent) throws(EventBusError) -> Data {
        do {
            return try Self.makeEncoder().encode(event)
        } catch {
            throw EventBusError.encodingFailed(eventId: event.id, reason: "\(error)")
        }
    }

    /// Decodes one event; `subject` only serves the error message.
    public func decode(_ data: Data, subject: String? = nil) throws(EventBusError) -> SystemEvent {
        do {
            return try Self.makeDecoder().decode(SystemEvent.self, from: data)
        } catch {
            throw EventBusError.decodingFailed(subject: subject, reason: Self.describe(error))
        }
    }

    // Foundation's coders are cheap to create relative to an encode; one per call keeps the codec
    // trivially Sendable without a lock.
    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        JSONDecoder()
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)'" + path(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription)" + path(context)
        case DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription)" + path(context)
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "" : " at " + context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}
