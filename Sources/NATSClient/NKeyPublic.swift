import CNATS

/// Just enough of the nkey text format to derive a user's public key from its seed
/// (base32 without padding, CRC16/XMODEM little-endian, prefix bytes: see nats-security.md).
enum NKeyPublic {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    private static let userPrefix: UInt8 = 20 << 3
    private static let seedPrefix: UInt8 = 18 << 3

    static func userPublicKey(fromSeed seed: String) -> String? {
        guard var raw = base32Decode(seed), raw.count == 36 else { return nil }
        defer { for index in raw.indices { raw[index] = 0 } }
        let body = raw[0..<34]
        let checksum = UInt16(raw[34]) | UInt16(raw[35]) << 8
        guard crc16(body) == checksum, raw[0] & 0xF8 == seedPrefix else { return nil }
        let keyPrefix = (raw[0] & 0x07) << 5 | (raw[1] & 0xF8) >> 3
        guard keyPrefix == userPrefix else { return nil }
        var publicKey = [UInt8](repeating: 0, count: 32)
        let ok = Array(raw[2..<34]).withUnsafeBufferPointer { seed in
            publicKey.withUnsafeMutableBufferPointer { CNATS_ed25519PublicKey(seed.baseAddress, $0.baseAddress) }
        }
        guard ok == 1 else { return nil }
        var encoded = [userPrefix] + publicKey
        let crc = crc16(encoded[...])
        encoded += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return base32Encode(encoded)
    }

    static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }

    static func base32Encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: output, as: UTF8.self)
    }

    static func base32Decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
