import Foundation
import Testing

@testable import HodeiSecurity

struct JWTTests {
    let operatorKey = NKeyPair.generate(.operator_)
    let systemKey = NKeyPair.generate(.account)
    let accountKey = NKeyPair.generate(.account)
    let userKey = NKeyPair.generate(.user)
    let fixedTime = Date(timeIntervalSince1970: 1_764_000_000)

    @Test func operatorJWTRoundTrip() throws {
        let token = try JWTIssuer.issueOperator(
            name: "hodei", operatorKey: operatorKey, systemAccount: systemKey.publicKey,
            operatorServiceURLs: ["nats://127.0.0.1:4222"], issuedAt: fixedTime)
        let claims = try JWTCodec.decode(token, as: OperatorClaims.self, expectedIssuer: operatorKey.publicKeyText)
        #expect(claims.subject == operatorKey.publicKeyText)
        #expect(claims.issuer == operatorKey.publicKeyText)
        #expect(claims.name == "hodei")
        #expect(claims.issuedAt == 1_764_000_000)
        #expect(claims.body.systemAccount == systemKey.publicKeyText)
        #expect(claims.body.operatorServiceURLs == ["nats://127.0.0.1:4222"])
        #expect(claims.id == JWTCodec.computeID(claims))
    }

    @Test func accountJWTCarriesJetStreamLimits() throws {
        let limits = AccountLimits(
            connections: 100,
            jetStream: JetStreamLimits(
                memoryStorage: 1 << 20, diskStorage: 1 << 30, streams: 10, consumers: 100, maxAckPending: 1000,
                maxBytesRequired: true))
        let token = try JWTIssuer.issueAccount(
            name: "acme", accountKey: accountKey.publicKey, operatorKey: operatorKey, limits: limits,
            exports: [AccountExport(subject: "hodei.events.acme.>", kind: .stream)],
            revocations: [userKey.publicKeyText: 1_700_000_000])
        let claims = try JWTCodec.decode(token, as: AccountClaims.self, expectedIssuer: operatorKey.publicKeyText)
        #expect(claims.body.limits == limits)
        #expect(claims.body.limits.jetStream.isEnabled)
        #expect(claims.body.exports.first?.subject == "hodei.events.acme.>")
        #expect(claims.body.revocations[userKey.publicKeyText] == 1_700_000_000)
    }

    @Test func userJWTCarriesPermissions() throws {
        let permissions = Permissions(
            publish: SubjectPermission(allow: ["hodei.events.acme.>", "$JS.API.INFO"], deny: ["hodei.events.acme.admin.>"]),
            subscribe: SubjectPermission(allow: ["_INBOX.>"]),
            response: ResponsePermission(maxMessages: 1, ttlNanoseconds: 5_000_000_000))
        let token = try JWTIssuer.issueUser(
            name: "worker", userKey: userKey.publicKey, accountKey: accountKey, permissions: permissions,
            allowedConnectionTypes: ["STANDARD"])
        let claims = try JWTCodec.decode(token, as: UserClaims.self, expectedIssuer: accountKey.publicKeyText)
        #expect(claims.body.permissions == permissions)
        #expect(claims.body.allowedConnectionTypes == ["STANDARD"])
        #expect(claims.body.subscriptions == -1)
        #expect(claims.subject == userKey.publicKeyText)
    }

    /// Field order and omitempty as Go's json.Marshal of nats-io/jwt AccountClaims.
    @Test func accountPayloadMatchesGoLayout() throws {
        var claims = JWTClaims(subject: accountKey.publicKeyText, name: "acme", body: AccountClaims())
        _ = try JWTCodec.encode(&claims, signer: operatorKey, issuedAt: fixedTime)
        let expected =
            #"{"jti":"\#(claims.id)","iat":1764000000,"iss":"\#(operatorKey.publicKeyText)","name":"acme","sub":"\#(accountKey.publicKeyText)","#
            + #""nats":{"limits":{"subs":-1,"data":-1,"payload":-1,"imports":-1,"exports":-1,"wildcards":true,"conn":-1,"leaf":-1},"#
            + #""default_permissions":{"pub":{},"sub":{}},"authorization":{},"type":"account","version":2}}"#
        #expect(claims.payloadJSON == expected)
    }

    /// jti = base32(SHA-512/256(json.Marshal(ClaimsData) with ID "")): aud, exp, iat, iss, name, nbf, sub.
    @Test func idIsHashOfStandardClaimsInGoOrder() throws {
        var claims = JWTClaims(
            subject: userKey.publicKeyText, name: "w", body: UserClaims(), audience: "aud-1", expires: 1_800_000_000,
            notBefore: 1_700_000_000)
        _ = try JWTCodec.encode(&claims, signer: accountKey, issuedAt: fixedTime)
        let input =
            #"{"aud":"aud-1","exp":1800000000,"iat":1764000000,"iss":"\#(accountKey.publicKeyText)","name":"w","nbf":1700000000,"sub":"\#(userKey.publicKeyText)"}"#
        #expect(claims.idHashInput == input)
        #expect(claims.id == Base32.encode(SHA512_256.hash(Array(input.utf8))))
        #expect(claims.id.count == 52)
    }

    @Test func goEscapingRules() {
        let text = GoJSONWriter.serialize(.string("a/b <c> & \"q\" \\ \n é \u{2028}"))
        #expect(text == #""a/b \u003cc\u003e \u0026 \"q\" \\ \n é \u2028""#)
    }

    @Test func parserReadsWhatTheWriterWrites() throws {
        let value = JSONValue.object([
            ("a", .array([.int(-1), .bool(true), .null, .string("x\u{1}<y>")])), ("b", .object([])), ("c", .double(1.5)),
        ])
        #expect(try JSONParser.parse(Array(GoJSONWriter.serialize(value).utf8)) == value)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("{\"a\":}".utf8)) }
    }

    @Test func tamperedPayloadFailsVerification() throws {
        let token = try JWTIssuer.issueUser(name: "u", userKey: userKey.publicKey, accountKey: accountKey)
        let parts = token.split(separator: ".").map(String.init)
        var claims = try JWTCodec.decode(token, as: UserClaims.self)
        claims.name = "mallory"
        let forged = parts[0] + "." + Base64URL.encode(Array(claims.payloadJSON.utf8)) + "." + parts[2]
        #expect(throws: JWTError.self) { try JWTCodec.decode(forged, as: UserClaims.self) }
        do {
            _ = try JWTCodec.decode(forged, as: UserClaims.self)
        } catch {
            #expect(error.reason == .badSignature)
        }
    }

    @Test func wrongIssuerAndWrongTypeAreRejected() throws {
        let otherAccount = NKeyPair.generate(.account)
        let token = try JWTIssuer.issueUser(name: "u", userKey: userKey.publicKey, accountKey: otherAccount)
        #expect(throws: JWTError(.unexpectedIssuer(expected: accountKey.publicKeyText, actual: otherAccount.publicKeyText), context: "user JWT sub=\(userKey.publicKeyText)")) {
            try JWTCodec.decode(token, as: UserClaims.self, expectedIssuer: accountKey.publicKeyText)
        }
        #expect(throws: JWTError.self) { try JWTCodec.decode(token, as: AccountClaims.self) }
    }

    @Test func issuersMustHaveTheRightKeyType() {
        #expect(throws: JWTError.self) {
            try JWTIssuer.issueAccount(name: "a", accountKey: accountKey.publicKey, operatorKey: userKey)
        }
        #expect(throws: JWTError.self) {
            try JWTIssuer.issueUser(name: "u", userKey: userKey.publicKey, accountKey: operatorKey)
        }
        #expect(throws: JWTError.self) {
            try JWTIssuer.issueUser(name: "u", userKey: accountKey.publicKey, accountKey: accountKey)
        }
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "!!.e30.AA"])
    func malformedTokensAreRejected(token: String) {
        #expect(throws: JWTError.self) { try JWTCodec.decode(token, as: UserClaims.self) }
    }

    @Test func operatorConfigValidatesAndRenders() throws {
        let operatorJWT = try JWTIssuer.issueOperator(name: "op", operatorKey: operatorKey, systemAccount: systemKey.publicKey)
        let sys = try JWTIssuer.issueAccount(name: "SYS", accountKey: systemKey.publicKey, operatorKey: operatorKey)
        let acme = try JWTIssuer.issueAccount(name: "acme", accountKey: accountKey.publicKey, operatorKey: operatorKey)
        let config = OperatorModeConfig(
            operatorJWT: operatorJWT, systemAccount: systemKey.publicKey,
            accountJWTs: [systemKey.publicKeyText: sys, accountKey.publicKeyText: acme])
        try config.validate()
        let text = config.render()
        #expect(text.contains("resolver: MEMORY"))
        #expect(text.contains("  \(accountKey.publicKeyText): \(acme)"))
        let foreign = try JWTIssuer.issueAccount(name: "x", accountKey: accountKey.publicKey, operatorKey: NKeyPair.generate(.operator_))
        var bad = config
        bad.accountJWTs[accountKey.publicKeyText] = foreign
        #expect(throws: JWTError.self) { try bad.validate() }
    }

    @Test func expiryAndNotBefore() throws {
        let token = try JWTIssuer.issueUser(
            name: "u", userKey: userKey.publicKey, accountKey: accountKey, expires: fixedTime.addingTimeInterval(60),
            issuedAt: fixedTime)
        let claims = try JWTCodec.decode(token, as: UserClaims.self)
        #expect(!claims.isExpired(at: fixedTime))
        #expect(claims.isExpired(at: fixedTime.addingTimeInterval(61)))
        #expect(!claims.isNotYetValid(at: fixedTime))
    }
}
