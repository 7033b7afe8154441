/// The nkey text format: base32(prefix bytes | payload | CRC16 little-endian).
enum NKeyCodec {
    static func encode(prefix: [UInt8], payload: [UInt8]) -> String {
        var raw = prefix + payload
        let crc = CRC16.checksum(raw)
        raw.append(UInt8(truncatingIfNeeded: crc))
        raw.append(UInt8(truncatingIfNeeded: crc >> 8))
        return Base32.encode(raw)
    }

    /// Decodes and checks the checksum; returns everything before it.
    static func decode(_ text: String, expectedBytes: Int, what: String) throws(NKeyError) -> [UInt8] {
        guard let raw = Base32.decode(text) else { throw NKeyError(.invalidEncoding, what: what) }
        guard raw.count == expectedBytes else {
            throw NKeyError(.invalidLength(expected: expectedBytes, actual: raw.count), what: what)
        }
        let body = Array(raw.dropLast(2))
        let stored = UInt16(raw[raw.count - 2]) | (UInt16(raw[raw.count - 1]) << 8)
        guard CRC16.checksum(body) == stored else { throw NKeyError(.invalidChecksum, what: what) }
        return body
    }
}
