import Testing

@testable import HodeiSecurity

struct EncodingTests {
    @Test func crc16CheckValue() {
        #expect(CRC16.checksum(Array("123456789".utf8)) == 0x31C3)
        #expect(CRC16.checksum([UInt8]()) == 0)
    }

    /// RFC 4648 §10 vectors, padding stripped.
    @Test(arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test func base32RejectsForeignSymbols() {
        #expect(Base32.decode("MZXW1") == nil)
        #expect(Base32.decode("mzxw6") == nil)
        #expect(Base32.decode("MZXW6=") == nil)
    }

    @Test func base32RoundTripsEveryLength() {
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }

    @Test func base64URLRoundTripWithoutPadding() throws {
        for length in 0..<10 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text[...]) == bytes)
        }
        #expect(Base64URL.decode("a+b"[...]) == nil)
    }
}
