/// Why a JWT could not be issued or was rejected. Messages name the token by its subject or
/// claim type, never by a seed.
public struct JWTError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case malformed(String)
        case unsupportedHeader(String)
        case badSignature
        case wrongClaimType(expected: String, actual: String)
        case wrongSubjectType(expected: NKeyType)
        case issuerNotAllowed(issuer: String, allowed: [NKeyType])
        case unexpectedIssuer(expected: String, actual: String)
        case idMismatch
        case invalidField(String)
    }

    public let reason: Reason
    /// Where: e.g. "account JWT for ACME" or "user JWT sub=U…".
    public let context: String

    public init(_ reason: Reason, context: String) {
        self.reason = reason
        self.context = context
    }

    public var description: String {
        switch reason {
        case .malformed(let detail):
            return "\(context): malformed JWT (\(detail)); expect three base64url segments header.claims.signature"
        case .unsupportedHeader(let detail):
            return "\(context): unsupported JWT header (\(detail)); NATS v2 JWTs use {\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}"
        case .badSignature:
            return "\(context): signature does not verify against the issuer key; the token was altered or signed by another key"
        case .wrongClaimType(let expected, let actual):
            return "\(context): is a \(actual) JWT, expected \(expected)"
        case .wrongSubjectType(let expected):
            return "\(context): subject is not a \(expected) public key"
        case .issuerNotAllowed(let issuer, let allowed):
            return "\(context): issuer \(issuer) may not sign it; allowed issuer key types: \(allowed.map(\.rawValue).joined(separator: ", "))"
        case .unexpectedIssuer(let expected, let actual):
            return "\(context): issued by \(actual), expected \(expected); re-issue it with the right signing key"
        case .idMismatch:
            return "\(context): jti does not match the SHA-512/256 of the standard claims"
        case .invalidField(let detail):
            return "\(context): \(detail)"
        }
    }
}
