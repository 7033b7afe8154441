import Foundation

/// JSON encoding of `SystemEvent`s as carried on the wire (docs/events.md). Keys are sorted so the
/// bytes of an event are deterministic (golden fixtures, byte-identical republish). Encoding is
/// hand-written (`JSONWriter`); decoding uses `JSONDecoder` with `SystemEvent`'s `Decodable`.
/// `SystemEvent` is also `Encodable` for other encoders; with `JSONEncoder` and
/// `[.sortedKeys, .withoutEscapingSlashes]` that gives the same bytes as `encode(_:)`.
public struct SystemEventCodec: Sendable {
    public init() {}

    /// The wire bytes. Cannot fail (every field has a JSON form); `throws` keeps room for limits.
    public func encode(_ event: SystemEvent) throws(EventBusError) -> Data {
        Data(encodeBytes(event))
    }

    /// The wire bytes as an array (what a C publish call takes without another copy).
    public func encodeBytes(_ event: SystemEvent) -> [UInt8] {
        var writer = JSONWriter()
        event.writeJSON(into: &writer)
        return writer.bytes
    }

    /// Decodes one event; `subject` only serves the error message.
    public func decode(_ data: Data, subject: String? = nil) throws(EventBusError) -> SystemEvent {
        do {
            return try Self.makeDecoder().decode(SystemEvent.self, from: data)
        } catch {
            throw EventBusError.decodingFailed(subject: subject, reason: Self.describe(error))
        }
    }

    // Cheap to create relative to a decode; one per call keeps the codec Sendable without a lock.
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
