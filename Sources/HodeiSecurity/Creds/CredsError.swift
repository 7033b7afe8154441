/// Why creds text was rejected; never contains the seed.
public struct CredsError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case missingBlock(String)
        case invalidSeed(String)
        case invalidJWT(String)
        case subjectMismatch(jwtSubject: String, seedPublicKey: String)
    }

    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .missingBlock(let marker):
            return "creds: no '\(marker)' block; regenerate the file with `hodei-provision rotate`"
        case .invalidSeed(let detail):
            return "creds: \(detail)"
        case .invalidJWT(let detail):
            return "creds: \(detail)"
        case .subjectMismatch(let subject, let key):
            return "creds: the JWT is for \(subject) but the seed belongs to \(key); the file mixes two users, regenerate it"
        }
    }
}
