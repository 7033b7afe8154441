@testable import NATSClient
import Testing

@Suite("Pure logic: errors, durations, headers, nkey text")
struct PureLogicTests {
    @Test("libnats status and text map to an error kind", arguments: [
        (NATSStatus.noServer, "", NATSError.Kind.connectionRefused),
        (.notPermitted, "", .authorizationViolation),
        (.err, "nats: Authorization Violation", .authorizationViolation),
        (.timeout, "", .timeout),
        (.noResponders, "", .noResponders),
        (.sslError, "handshake failure", .tls),
        (.connectionClosed, "", .connectionClosed),
        (.ioError, "broken pipe", .libnats),
    ])
    func kindMapping(status: NATSStatus, detail: String, kind: NATSError.Kind) {
        #expect(NATSError.kind(for: status, detail: detail) == kind)
    }

    @Test("durations become whole libnats milliseconds, never 0 for a positive duration", arguments: [
        (Duration.seconds(2), Int64(2_000)),
        (.milliseconds(250), 250),
        (.microseconds(10), 1),
        (.zero, 0),
    ])
    func milliseconds(duration: Duration, expected: Int64) {
        #expect(duration.milliseconds == expected)
    }

    @Test("headers keep multiple values and the first is the subscript value")
    func headers() {
        var headers: NATSHeaders = ["Nats-Msg-Id": "a"]
        headers.add("X-Tag", "one")
        headers.add("X-Tag", "two")
        #expect(headers["X-Tag"] == "one")
        #expect(headers.values("X-Tag") == ["one", "two"])
        headers["X-Tag"] = nil
        #expect(headers.values("X-Tag").isEmpty)
        #expect(!headers.isEmpty)
    }

    @Test("CRC16/XMODEM check value and base32 round trip")
    func nkeyText() {
        #expect(NKeyPublic.crc16(Array("123456789".utf8)[...]) == 0x31C3)
        let bytes: [UInt8] = (0..<35).map { UInt8($0 * 7 & 0xFF) }
        #expect(NKeyPublic.base32Decode(NKeyPublic.base32Encode(bytes)) == bytes)
        #expect(NKeyPublic.userPublicKey(fromSeed: "SUNOTASEED") == nil)
    }

    @Test("error text names operation and file but never secrets passed in options")
    func errorDescription() {
        let error = NATSError(kind: .fileUnreadable, operation: "connect: read creds file", detail: "No such file",
                              path: "/x/user.creds")
        #expect(error.description.contains("/x/user.creds"))
        #expect(error.description.contains("check the path"))
    }
}
