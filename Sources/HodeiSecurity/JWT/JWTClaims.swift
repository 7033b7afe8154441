import Foundation

/// The `nats` part of a claims set: operator, account or user.
public protocol NATSClaimBody: Sendable {
    /// `nats.type`: "operator", "account" or "user".
    static var claimType: String { get }
    /// The key type the JWT's `sub` must have.
    static var subjectType: NKeyType { get }
    /// Key types allowed to sign (`iss`).
    static var issuerTypes: [NKeyType] { get }
    /// The fields in nats-io/jwt struct order, without `type`/`version` (added by the codec).
    func natsFields() -> [(String, JSONValue)]
    init(natsJSON: JSONValue) throws(JWTError)
}

/// A JWT claims set: the standard claims nats-io/jwt's `ClaimsData` holds, plus a typed `nats` body.
public struct JWTClaims<Body: NATSClaimBody>: Sendable {
    public var subject: String
    public var name: String
    /// Set by the encoder from the signing key.
    public var issuer: String
    /// Unix seconds; set by the encoder.
    public var issuedAt: Int64
    /// Set by the encoder: base32(SHA-512/256(standard claims JSON with jti empty)).
    public var id: String
    public var audience: String?
    public var expires: Int64?
    public var notBefore: Int64?
    public var body: Body

    public init(
        subject: String, name: String, body: Body, audience: String? = nil, expires: Int64? = nil,
        notBefore: Int64? = nil
    ) {
        self.subject = subject
        self.name = name
        self.issuer = ""
        self.issuedAt = 0
        self.id = ""
        self.audience = audience
        self.expires = expires
        self.notBefore = notBefore
        self.body = body
    }

    /// `ClaimsData` in Go field order: aud, exp, jti, iat, iss, name, nbf, sub (omitempty each).
    func standardFields(includingID: Bool) -> GoObject {
        var object = GoObject()
        object.omitEmpty("aud", audience)
        object.omitEmpty("exp", expires)
        if includingID { object.omitEmpty("jti", id) }
        object.omitEmpty("iat", issuedAt)
        object.omitEmpty("iss", issuer)
        object.omitEmpty("name", name)
        object.omitEmpty("nbf", notBefore)
        object.omitEmpty("sub", subject)
        return object
    }

    /// The hash input nats-io/jwt uses for `jti`: `json.Marshal(ClaimsData)` with `ID` = "".
    public var idHashInput: String { GoJSONWriter.serialize(standardFields(includingID: false).value) }

    /// The full payload JSON as Go would marshal it.
    public var payloadJSON: String {
        var object = standardFields(includingID: true)
        var nats = GoObject()
        for (key, value) in body.natsFields() { nats.always(key, value) }
        nats.always("type", .string(Body.claimType))
        nats.always("version", .int(2))
        object.always("nats", nats.value)
        return GoJSONWriter.serialize(object.value)
    }
}

extension JWTClaims {
    /// True when `exp` is set and has passed (nats-io/jwt: `now > exp`).
    public func isExpired(at date: Date = Date()) -> Bool {
        guard let expires, expires > 0 else { return false }
        return Int64(date.timeIntervalSince1970) > expires
    }

    /// True when `nbf` is set and still in the future.
    public func isNotYetValid(at date: Date = Date()) -> Bool {
        guard let notBefore, notBefore > 0 else { return false }
        return notBefore > Int64(date.timeIntervalSince1970)
    }
}
