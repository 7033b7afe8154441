import Foundation

/// JSON encoding of `SystemEvent`s as carried on the wire (docs/events.md). Keys are sorted so the
/// bytes of an event are deterministic (golden fixtures, byte-identical republish). Encoding is
/// hand-written (`JSONWriter`, `JSONReader`): Foundation's coders cost 20-40 µs per event here.
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

    /// Appends the wire bytes to `bytes` (a buffer reused across events: no allocation per event
    /// once its capacity suffices).
    public func encode(_ event: SystemEvent, appendingTo bytes: inout [UInt8]) {
        var writer = JSONWriter(capacity: 0)
        swap(&writer.bytes, &bytes)
        event.writeJSON(into: &writer)
        swap(&writer.bytes, &bytes)
    }

    /// Decodes one event; `subject` only serves the error message.
    public func decode(_ data: Data, subject: String? = nil) throws(EventBusError) -> SystemEvent {
        do {
            return try SystemEvent(json: try JSONReader.parse(data))
        } catch {
            throw EventBusError.decodingFailed(subject: subject, reason: "\(error)")
        }
    }
}
