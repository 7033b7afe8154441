import Foundation

/// A `.creds` file: a user JWT and the user's seed in the exact text nsc writes (five dashes on
/// BEGIN lines, six on END lines). `description` never shows the seed.
public struct CredsFile: Sendable, CustomStringConvertible {
    public let jwt: String
    public let seed: SecretString

    /// Checks that the seed is a user seed whose public key is the JWT's `sub`.
    public init(jwt: String, seed: SecretString) throws(CredsError) {
        let key: NKeyPair
        do {
            key = try NKeyPair(seed: seed, expecting: .user)
        } catch {
            throw CredsError(.invalidSeed(error.description))
        }
        let payload: JSONValue
        do {
            payload = try JWTCodec.unverifiedPayload(jwt)
        } catch {
            throw CredsError(.invalidJWT(error.description))
        }
        let subject = payload["sub"]?.stringValue ?? ""
        guard subject == key.publicKeyText else {
            throw CredsError(.subjectMismatch(jwtSubject: subject, seedPublicKey: key.publicKeyText))
        }
        self.jwt = jwt
        self.seed = seed
    }

    /// The file content: write it with `SecretStore` (0600).
    public func render() -> SecretString {
        SecretString(
            """
            -----BEGIN NATS USER JWT-----
            \(jwt)
            ------END NATS USER JWT------

            ************************* IMPORTANT *************************
            NKEY Seed printed below can be used to sign and prove identity.
            NKEYs are sensitive and should be treated as secrets.

            -----BEGIN USER NKEY SEED-----
            \(seed.exposedText)
            ------END USER NKEY SEED------

            *************************************************************

            """)
    }

    /// Parses creds text: the first line after each BEGIN marker is taken, as nats-io/jwt's
    /// `ParseDecoratedJWT`/`ParseDecoratedNKey` do (markers are matched by their words, so both
    /// the 5/6-dash and older variants parse).
    public static func parse(_ text: SecretString) throws(CredsError) -> CredsFile {
        let lines = text.exposedText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        func block(_ marker: String) -> String? {
            guard let index = lines.firstIndex(where: { $0.hasPrefix("-") && $0.contains("BEGIN") && $0.contains(marker) }),
                index + 1 < lines.count, !lines[index + 1].isEmpty
            else { return nil }
            return lines[index + 1]
        }
        guard let jwt = block("JWT") else { throw CredsError(.missingBlock("BEGIN NATS USER JWT")) }
        guard let seed = block("NKEY SEED") else { throw CredsError(.missingBlock("BEGIN USER NKEY SEED")) }
        return try CredsFile(jwt: jwt, seed: SecretString(seed))
    }

    public var description: String { "CredsFile(jwt: \(jwt.prefix(16))…, seed: <redacted>)" }
}
