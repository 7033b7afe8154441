/// Why an nkey text was rejected. Never carries the offending text: it may be a seed.
public struct NKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case invalidEncoding
        case invalidLength(expected: Int, actual: Int)
        case invalidChecksum
        case invalidPrefix
        case wrongType(expected: NKeyType, actual: NKeyType)
        case invalidSeed
    }

    public let reason: Reason
    /// What was being parsed, e.g. "public key" or "seed" (never the text itself).
    public let what: String

    public init(_ reason: Reason, what: String) {
        self.reason = reason
        self.what = what
    }

    public var description: String {
        switch reason {
        case .invalidEncoding:
            return "nkey \(what): not base32 (A-Z, 2-7); check that the whole key was copied"
        case .invalidLength(let expected, let actual):
            return "nkey \(what): decodes to \(actual) bytes, expected \(expected); the key is truncated or not an nkey"
        case .invalidChecksum:
            return "nkey \(what): CRC16 checksum mismatch; the key was altered or mistyped"
        case .invalidPrefix:
            return "nkey \(what): unknown prefix; expected an operator (O), account (A), user (U), server (N) or cluster (C) key"
        case .wrongType(let expected, let actual):
            return "nkey \(what): is a \(actual) key, expected a \(expected) key"
        case .invalidSeed:
            return "nkey \(what): not a valid Ed25519 seed"
        }
    }
}
