/// `nats` of a user JWT, signed by its account key (or an account signing key, then
/// `issuerAccount` names the account).
public struct UserClaims: NATSClaimBody, Equatable {
    public static let claimType = "user"
    public static let subjectType = NKeyType.user
    public static let issuerTypes: [NKeyType] = [.account]

    public var permissions: Permissions
    /// Allowed client source CIDRs.
    public var sourceNetworks: [String]
    /// -1 = unlimited.
    public var subscriptions: Int64
    public var data: Int64
    public var payload: Int64
    public var bearerToken: Bool
    /// e.g. "STANDARD", "WEBSOCKET", "LEAFNODE", "MQTT".
    public var allowedConnectionTypes: [String]
    public var issuerAccount: String?

    public init(
        permissions: Permissions = .init(), sourceNetworks: [String] = [], subscriptions: Int64 = -1,
        data: Int64 = -1, payload: Int64 = -1, bearerToken: Bool = false, allowedConnectionTypes: [String] = [],
        issuerAccount: String? = nil
    ) {
        self.permissions = permissions
        self.sourceNetworks = sourceNetworks
        self.subscriptions = subscriptions
        self.data = data
        self.payload = payload
        self.bearerToken = bearerToken
        self.allowedConnectionTypes = allowedConnectionTypes
        self.issuerAccount = issuerAccount
    }

    /// Go order: Permissions (pub, sub, resp), UserLimits (src, times), NatsLimits (subs, data,
    /// payload), bearer_token, allowed_connection_types, issuer_account.
    public func natsFields() -> [(String, JSONValue)] {
        var object = GoObject()
        for (key, value) in permissions.fields { object.always(key, value) }
        object.omitEmpty("src", sourceNetworks)
        object.omitEmpty("subs", subscriptions)
        object.omitEmpty("data", data)
        object.omitEmpty("payload", payload)
        object.omitEmpty("bearer_token", bearerToken)
        object.omitEmpty("allowed_connection_types", allowedConnectionTypes)
        object.omitEmpty("issuer_account", issuerAccount)
        return object.members
    }

    public init(natsJSON json: JSONValue) throws(JWTError) {
        permissions = Permissions(json: json)
        // `src` was a comma-separated string in older JWTs and is a list now; accept both.
        if let text = json["src"]?.stringValue {
            sourceNetworks = text.split(separator: ",").map { String($0) }
        } else {
            sourceNetworks = json["src"]?.stringArray ?? []
        }
        subscriptions = json["subs"]?.intValue ?? 0
        data = json["data"]?.intValue ?? 0
        payload = json["payload"]?.intValue ?? 0
        bearerToken = json["bearer_token"]?.boolValue ?? false
        allowedConnectionTypes = json["allowed_connection_types"]?.stringArray ?? []
        issuerAccount = json["issuer_account"]?.stringValue
    }
}
