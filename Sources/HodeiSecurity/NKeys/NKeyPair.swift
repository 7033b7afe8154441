import Crypto
import Foundation

/// An nkey with its private half. Its `description` shows only the type and public key;
/// the seed is reachable as a `SecretString`.
public struct NKeyPair: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let type: NKeyType
    private let signingKey: Curve25519.Signing.PrivateKey

    /// A new random key of `type`.
    public static func generate(_ type: NKeyType) -> NKeyPair {
        NKeyPair(type: type, signingKey: Curve25519.Signing.PrivateKey())
    }

    private init(type: NKeyType, signingKey: Curve25519.Signing.PrivateKey) {
        self.type = type
        self.signingKey = signingKey
    }

    /// Parses seed text (`SO…`, `SA…`, `SU…`, `SN…`, `SC…`, 58 characters).
    public init(seed: SecretString, expecting expected: NKeyType? = nil) throws(NKeyError) {
        let body = try NKeyCodec.decode(seed.exposedText, expectedBytes: 36, what: "seed")
        // b1 = seed marker | top 3 bits of the type prefix; b2 = low 5 bits of it, shifted up.
        guard body[0] & 0xF8 == NKeyType.seedPrefixByte else { throw NKeyError(.invalidPrefix, what: "seed") }
        let prefix = ((body[0] & 0x07) << 5) | ((body[1] & 0xF8) >> 3)
        guard let type = NKeyType(prefixByte: prefix) else { throw NKeyError(.invalidPrefix, what: "seed") }
        if let expected, expected != type {
            throw NKeyError(.wrongType(expected: expected, actual: type), what: "seed")
        }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: body[2...]) else {
            throw NKeyError(.invalidSeed, what: "seed")
        }
        self.init(type: type, signingKey: key)
    }

    public var publicKey: NKeyPublicKey {
        NKeyPublicKey(type: type, rawBytes: Array(signingKey.publicKey.rawRepresentation))
    }

    /// The public key text (`U…` for a user).
    public var publicKeyText: String { publicKey.text }

    /// The seed text; write it only to a 0600 file or a creds file.
    public var seed: SecretString {
        let prefix = type.prefixByte
        let b1 = NKeyType.seedPrefixByte | (prefix >> 5)
        let b2 = (prefix & 31) << 3
        return SecretString(NKeyCodec.encode(prefix: [b1, b2], payload: Array(signingKey.rawRepresentation)))
    }

    /// Ed25519 signature of `message` (64 bytes; may be randomized, so compare by verifying).
    public func sign<Message: DataProtocol>(_ message: Message) throws -> [UInt8] {
        Array(try signingKey.signature(for: message))
    }

    public func verify<Message: DataProtocol, Signature: DataProtocol>(
        signature: Signature, for message: Message
    ) -> Bool {
        publicKey.verify(signature: signature, for: message)
    }

    public var description: String { "NKeyPair(\(type), \(publicKeyText))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["type": type, "publicKey": publicKeyText], displayStyle: .struct)
    }
}
