import Testing

@testable import HodeiSecurity

struct CredsFileTests {
    let accountKey = NKeyPair.generate(.account)
    let userKey = NKeyPair.generate(.user)

    func makeCreds() throws -> CredsFile {
        let jwt = try JWTIssuer.issueUser(name: "dev", userKey: userKey.publicKey, accountKey: accountKey)
        return try CredsFile(jwt: jwt, seed: userKey.seed)
    }

    @Test func rendersTheExactStandardText() throws {
        let creds = try makeCreds()
        let expected = """
            -----BEGIN NATS USER JWT-----
            \(creds.jwt)
            ------END NATS USER JWT------

            ************************* IMPORTANT *************************
            NKEY Seed printed below can be used to sign and prove identity.
            NKEYs are sensitive and should be treated as secrets.

            -----BEGIN USER NKEY SEED-----
            \(userKey.seed.exposedText)
            ------END USER NKEY SEED------

            *************************************************************

            """
        #expect(creds.render().exposedText == expected)
    }

    @Test func parsesWhatItRenders() throws {
        let creds = try makeCreds()
        let parsed = try CredsFile.parse(creds.render())
        #expect(parsed.jwt == creds.jwt)
        #expect(parsed.seed == creds.seed)
    }

    @Test func seedMustBelongToTheJWTSubject() throws {
        let jwt = try JWTIssuer.issueUser(name: "dev", userKey: userKey.publicKey, accountKey: accountKey)
        let other = NKeyPair.generate(.user)
        #expect(throws: CredsError(.subjectMismatch(jwtSubject: userKey.publicKeyText, seedPublicKey: other.publicKeyText))) {
            try CredsFile(jwt: jwt, seed: other.seed)
        }
        #expect(throws: CredsError.self) { try CredsFile(jwt: jwt, seed: accountKey.seed) }
    }

    @Test func missingBlocksAreReported() {
        #expect(throws: CredsError(.missingBlock("BEGIN NATS USER JWT"))) { try CredsFile.parse(SecretString("hello")) }
    }

    @Test func descriptionsHideTheSeed() throws {
        let creds = try makeCreds()
        #expect(!"\(creds)".contains(userKey.seed.exposedText))
        #expect(!"\(creds.render())".contains(userKey.seed.exposedText))
        let wrong = NKeyPair.generate(.user)
        do {
            _ = try CredsFile(jwt: creds.jwt, seed: wrong.seed)
        } catch {
            #expect(!error.description.contains(wrong.seed.exposedText))
            #expect(!Redaction.containsSecret(error.description))
        }
    }
}
