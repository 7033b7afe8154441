import Testing

@testable import HodeiSecurity

/// User JWTs issued by Go tooling (nats-io/jwt v2 through nsc/Go programs), taken from public
/// test code. Our decoder must verify them, recompute the same jti, and re-serialize the decoded
/// claims to the identical payload bytes: the proof that our JSON layout is Go's.
struct GoCompatibilityTests {
    static let goIssuedUserJWTs = [
        // Permissions with '>' (Go writes it as \u003e), resp {max, ttl}.
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiI0N1dWSzdBUkpUV1c1NFhJSENIVDU1SlM3M1dWU1VUTUxUV1U0SUdPUlVJVUFHUVRLQkdRIiwiaWF0IjoxNzYxMzk3NjA4LCJpc3MiOiJBRE40R1VISEtNR01MMkQyQURFTFBVWUVGRjNRWU5JNERWTjZGNDNKUFA2R0k3VjRTVVlTSlRCNCIsIm5hbWUiOiJ0ZXN0LW1hY2hpbmUtMTIzNDUiLCJzdWIiOiJVQ043WTQ1VzVLTkE3V01ZTVdSQVVRSkRDSEVOQ1o3N1BSWVNCMkhYSENNUFRBNlBXRVZMVVRNTyIsIm5hdHMiOnsicHViIjp7ImFsbG93IjpbIl9JTkJPWC5cdTAwM2UiXX0sInN1YiI6eyJhbGxvdyI6WyJfSU5CT1guXHUwMDNlIiwic2FudGEtY2xpZW50cyIsInNhbnRhLioiLCJzYW50YS5ob3N0LioiLCJzYW50YS50YWcuKiIsIndvcmtzaG9wIl19LCJyZXNwIjp7Im1heCI6MSwidHRsIjowfSwic3VicyI6LTEsImRhdGEiOi0xLCJwYXlsb2FkIjotMSwidHlwZSI6InVzZXIiLCJ2ZXJzaW9uIjoyfX0.L2C1512oLT6KDkgRLN8Ggl5Pa9ZQ1_a_NCqL8YZyzp9ot4PwHLHkLsGNuIgodRYi7LWybYKKIPJN1eRTxs0CDw",
        // Default permissions.
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiJETFRGNFpLVVdNNFRPRkVNQko0UEUzTVFFVlhIUkJJN0xZNDdZNEMzNTNMWlJKSU5CUkJRIiwiaWF0IjoxNjI0ODg1NzMwLCJpc3MiOiJBQVlKRFZMWkdXTjdZM0ZCUENWWENSVlFaREZNWUdIVTRZWExHU1hYN1UyNTRLSDVTQzNSNVFLTSIsIm5hbWUiOiJ1c2VyIiwic3ViIjoiVUQzQkdXSUJQVTNDV0w0SE9VVTRWSkVRV1RVQVNBRUc2T0ozWEhNM0VFSk5BMlBBM1VWTllUWk4iLCJuYXRzIjp7InB1YiI6e30sInN1YiI6e30sInN1YnMiOi0xLCJkYXRhIjotMSwicGF5bG9hZCI6LTEsInR5cGUiOiJ1c2VyIiwidmVyc2lvbiI6Mn19.YmFL5nRMkEOXe77sQJPPRv_vwi89tzhVVl0AVjE4sXWyoWIHiCepNw28DbpJ0p_MlT8Qf0SY2cjAhIm-Qi7lDw",
    ]

    @Test(arguments: goIssuedUserJWTs)
    func goIssuedTokensDecodeAndReserializeIdentically(token: String) throws {
        let claims = try JWTCodec.decode(token, as: UserClaims.self)
        #expect(JWTCodec.computeID(claims) == claims.id)
        let payloadSegment = try #require(token.split(separator: ".").dropFirst().first)
        let original = try #require(Base64URL.decode(payloadSegment))
        #expect(claims.payloadJSON == String(decoding: original, as: UTF8.self))
    }

    @Test func goEscapesGreaterThanInSubjects() throws {
        let claims = try JWTCodec.decode(Self.goIssuedUserJWTs[0], as: UserClaims.self)
        #expect(claims.body.permissions.publish.allow == ["_INBOX.>"])
        #expect(claims.payloadJSON.contains(#"_INBOX.\u003e"#))
    }
}
