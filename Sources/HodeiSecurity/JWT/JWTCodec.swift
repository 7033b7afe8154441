import Foundation

/// Encodes, decodes and verifies NATS v2 JWTs (`{"typ":"JWT","alg":"ed25519-nkey"}`).
public enum JWTCodec {
    /// The header segment nats-io/jwt writes, in its field order.
    static let headerJSON = #"{"typ":"JWT","alg":"ed25519-nkey"}"#

    /// Signs `claims` with `signer`: sets `iss`, `iat` and `jti` the way nats-io/jwt's `doEncode`
    /// does (jti = base32(SHA-512/256(standard claims JSON with jti empty))).
    public static func encode<Body>(
        _ claims: inout JWTClaims<Body>, signer: NKeyPair, issuedAt: Date = Date()
    ) throws(JWTError) -> String {
        let context = "\(Body.claimType) JWT \(claims.name.isEmpty ? claims.subject : claims.name)"
        guard (try? NKeyPublicKey(claims.subject, expecting: Body.subjectType)) != nil else {
            throw JWTError(.wrongSubjectType(expected: Body.subjectType), context: context)
        }
        guard Body.issuerTypes.contains(signer.type) else {
            throw JWTError(.issuerNotAllowed(issuer: signer.publicKeyText, allowed: Body.issuerTypes), context: context)
        }
        claims.issuer = signer.publicKeyText
        claims.issuedAt = Int64(issuedAt.timeIntervalSince1970.rounded(.down))
        claims.id = computeID(claims)
        let signingInput = Base64URL.encode(Array(headerJSON.utf8)) + "." + Base64URL.encode(Array(claims.payloadJSON.utf8))
        let signature: [UInt8]
        do {
            signature = try signer.sign(Array(signingInput.utf8))
        } catch {
            throw JWTError(.invalidField("Ed25519 signing failed"), context: context)
        }
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The `jti` nats-io/jwt would compute for these claims.
    public static func computeID<Body>(_ claims: JWTClaims<Body>) -> String {
        Base32.encode(SHA512_256.hash(Array(claims.idHashInput.utf8)))
    }

    /// Decodes a token, verifies its signature against its `iss`, its claim type, subject and
    /// issuer key types; with `expectedIssuer`, also that exact issuer (e.g. the operator key).
    public static func decode<Body>(
        _ token: String, as _: Body.Type, expectedIssuer: String? = nil
    ) throws(JWTError) -> JWTClaims<Body> {
        let context = "\(Body.claimType) JWT"
        let raw = try RawJWT(token, context: context)
        guard let nats = raw.payload["nats"] else {
            throw JWTError(.malformed("no nats claims"), context: context)
        }
        let actualType = nats["type"]?.stringValue ?? "?"
        guard actualType == Body.claimType else {
            throw JWTError(.wrongClaimType(expected: Body.claimType, actual: actualType), context: context)
        }
        let subject = raw.payload["sub"]?.stringValue ?? ""
        let named = "\(context) sub=\(subject)"
        guard (try? NKeyPublicKey(subject, expecting: Body.subjectType)) != nil else {
            throw JWTError(.wrongSubjectType(expected: Body.subjectType), context: named)
        }
        guard let issuerKey = try? NKeyPublicKey(raw.issuer), Body.issuerTypes.contains(issuerKey.type) else {
            throw JWTError(.issuerNotAllowed(issuer: raw.issuer, allowed: Body.issuerTypes), context: named)
        }
        guard issuerKey.verify(signature: raw.signature, for: Array(raw.signingInput.utf8)) else {
            throw JWTError(.badSignature, context: named)
        }
        if let expectedIssuer, expectedIssuer != raw.issuer {
            throw JWTError(.unexpectedIssuer(expected: expectedIssuer, actual: raw.issuer), context: named)
        }
        var claims = JWTClaims(
            subject: subject, name: raw.payload["name"]?.stringValue ?? "", body: try Body(natsJSON: nats),
            audience: raw.payload["aud"]?.stringValue, expires: raw.payload["exp"]?.intValue,
            notBefore: raw.payload["nbf"]?.intValue)
        claims.issuer = raw.issuer
        claims.issuedAt = raw.payload["iat"]?.intValue ?? 0
        claims.id = raw.payload["jti"]?.stringValue ?? ""
        return claims
    }

    /// The claims JSON of a token without verifying anything: for display only.
    public static func unverifiedPayload(_ token: String) throws(JWTError) -> JSONValue {
        try RawJWT(token, context: "JWT").payload
    }
}

/// The three segments of a token, split and parsed but not yet trusted.
struct RawJWT {
    let signingInput: String
    let payload: JSONValue
    let signature: [UInt8]
    let issuer: String

    init(_ token: String, context: String) throws(JWTError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw JWTError(.malformed("\(parts.count) segments"), context: context)
        }
        guard let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { throw JWTError(.malformed("a segment is not base64url"), context: context) }
        let header: JSONValue
        let payload: JSONValue
        do {
            header = try JSONParser.parse(headerBytes)
            payload = try JSONParser.parse(payloadBytes)
        } catch {
            throw JWTError(.malformed("invalid JSON at byte \(error.offset): \(error.message)"), context: context)
        }
        let type = header["typ"]?.stringValue ?? ""
        let algorithm = header["alg"]?.stringValue ?? ""
        guard type.uppercased() == "JWT", algorithm == "ed25519-nkey" else {
            throw JWTError(.unsupportedHeader("typ=\(type) alg=\(algorithm)"), context: context)
        }
        self.signingInput = parts[0] + "." + parts[1]
        self.payload = payload
        self.signature = signature
        self.issuer = payload["iss"]?.stringValue ?? ""
    }
}
