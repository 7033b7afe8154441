import Testing

@testable import HodeiSecurity

struct SHA512_256Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// FIPS 180-4 examples (NIST CSRC "SHA512_256.pdf") and the empty message.
    @Test(arguments: [
        ("abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"),
        ("", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a"
        ),
    ])
    func publishedVectors(message: String, digest: String) {
        #expect(Self.hex(SHA512_256.hash(Array(message.utf8))) == digest)
    }

    @Test func isNotTruncatedSHA512() {
        // SHA-512("abc") starts ddaf35a1…; SHA-512/256 has its own initial values.
        #expect(!Self.hex(SHA512_256.hash(Array("abc".utf8))).hasPrefix("ddaf35a1"))
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA512_256()
        hasher.update(bytes[..<111])
        hasher.update(bytes[111..<240])
        hasher.update(bytes[240...])
        #expect(hasher.finalize() == SHA512_256.hash(bytes))
    }
}
