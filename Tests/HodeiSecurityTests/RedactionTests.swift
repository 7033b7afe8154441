import Testing

@testable import HodeiSecurity

struct RedactionTests {
    @Test func masksSeedsKeysAndTokens() throws {
        let seed = NKeyPair.generate(.user).seed.exposedText
        let jwt = try JWTIssuer.issueUser(
            name: "u", userKey: NKeyPair.generate(.user).publicKey, accountKey: NKeyPair.generate(.account))
        let ca = try CertificateAuthority.create(commonName: "test CA", validity: 3600)
        let keyPEM = ca.issued.privateKeyPEM.exposedText
        let text = "seed=\(seed)\njwt: \(jwt) end\n\(keyPEM)\nafter"
        let redacted = Redaction.redact(text)
        #expect(!redacted.contains(seed))
        #expect(!redacted.contains(jwt))
        #expect(!redacted.contains(String(keyPEM.split(separator: "\n")[1])))
        #expect(redacted.contains("after"))
        #expect(redacted.contains(Redaction.jwtMask))
        #expect(!Redaction.containsSecret(redacted))
        #expect(Redaction.containsSecret(text))
    }

    @Test func leavesPublicKeysAndOrdinaryTextAlone() {
        let publicKey = NKeyPair.generate(.user).publicKeyText
        let text = "user \(publicKey) connected to hodei.events.acme.job.created"
        #expect(Redaction.redact(text) == text)
    }

    @Test func masksATruncatedPrivateKeyBlock() {
        let text = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49"
        #expect(!Redaction.redact(text).contains("MIGHAgEA"))
    }
}
