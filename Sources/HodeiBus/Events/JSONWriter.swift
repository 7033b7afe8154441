import Foundation

/// Appends JSON to a byte buffer: the encoding hot path of `SystemEventCodec`, written by hand
/// because Foundation's `JSONEncoder` costs ~20 µs per event here (docs/benchmarks.md), which a
/// 100k-event publish cannot afford. Output is byte-identical to `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (checked by the golden tests); callers emit keys in
/// sorted order.
struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func key(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { if let value { field(name, value) } }
    mutating func field(_ name: StaticString, _ value: some BinaryInteger) { key(name); integer(value) }
    mutating func field<I: BinaryInteger>(_ name: StaticString, _ value: I?) { if let value { field(name, value) } }
    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        if value { append("true") } else { append("false") }
    }

    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        // Swift's shortest round-trip form, as JSONEncoder writes it ("0.75", "2", "1e-05").
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func field(_ name: StaticString, _ values: [String: String]) {
        key(name)
        bytes.append(UInt8(ascii: "{"))
        for (i, key) in values.keys.sorted().enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            string(values[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func field(_ name: StaticString, base64 data: Data) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: data.base64EncodedData())
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func field(_ name: StaticString, timestamp date: Date) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        UTCTimestamp.write(date, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Lowercase canonical form, without building `uuidString`.
    mutating func field(_ name: StaticString, uuid: UUID) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        uuid.appendLowercasedText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func integer(_ value: some BinaryInteger) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// Escapes `"`, `\` and control characters; everything else is copied as UTF-8.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0a: bytes.append(UInt8(ascii: "n"))
                case 0x0d: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0c: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30,
                                              hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0f)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension UUID {
    /// Appends the lowercase canonical form (36 bytes, as `event_id` and `Nats-Msg-Id` carry it)
    /// without building `uuidString`.
    func appendLowercasedText(to bytes: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        // Formatted on the stack, appended in one go (not 36 appends with a uniqueness check each).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            withUnsafeBytes(of: uuid) { raw in
                var at = 0
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 { text[at] = UInt8(ascii: "-"); at += 1 }
                    text[at] = digits[Int(raw[i] >> 4)]
                    text[at + 1] = digits[Int(raw[i] & 0x0f)]
                    at += 2
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }
}
