import Crypto
import Foundation

/// A parsed nkey public key (`O…`, `A…`, `U…`, `N…`, `C…`, 56 characters): checked prefix and CRC.
public struct NKeyPublicKey: Sendable, Hashable, CustomStringConvertible {
    public let type: NKeyType
    /// The 32 raw Ed25519 public key bytes.
    public let rawBytes: [UInt8]
    /// The canonical text form.
    public let text: String

    public init(type: NKeyType, rawBytes: [UInt8]) {
        self.type = type
        self.rawBytes = rawBytes
        self.text = NKeyCodec.encode(prefix: [type.prefixByte], payload: rawBytes)
    }

    /// Parses public key text; with `expecting`, also requires that type.
    public init(_ text: String, expecting expected: NKeyType? = nil) throws(NKeyError) {
        let body = try NKeyCodec.decode(text, expectedBytes: 35, what: "public key")
        guard let type = NKeyType(prefixByte: body[0]) else { throw NKeyError(.invalidPrefix, what: "public key") }
        if let expected, expected != type {
            throw NKeyError(.wrongType(expected: expected, actual: type), what: "public key")
        }
        self.type = type
        self.rawBytes = Array(body[1...])
        self.text = text
    }

    /// True when `signature` is a valid Ed25519 signature of `message` by this key.
    public func verify<Message: DataProtocol, Signature: DataProtocol>(
        signature: Signature, for message: Message
    ) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawBytes) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    public var description: String { text }
}
