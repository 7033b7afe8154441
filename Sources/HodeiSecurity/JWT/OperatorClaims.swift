/// `nats` of an operator JWT (self-signed by the operator key).
public struct OperatorClaims: NATSClaimBody, Equatable {
    public static let claimType = "operator"
    public static let subjectType = NKeyType.operator_
    public static let issuerTypes: [NKeyType] = [.operator_]

    public var signingKeys: [String]
    public var accountServerURL: String?
    public var operatorServiceURLs: [String]
    public var systemAccount: String?

    public init(
        signingKeys: [String] = [], accountServerURL: String? = nil, operatorServiceURLs: [String] = [],
        systemAccount: String? = nil
    ) {
        self.signingKeys = signingKeys
        self.accountServerURL = accountServerURL
        self.operatorServiceURLs = operatorServiceURLs
        self.systemAccount = systemAccount
    }

    public func natsFields() -> [(String, JSONValue)] {
        var object = GoObject()
        object.omitEmpty("signing_keys", signingKeys)
        object.omitEmpty("account_server_url", accountServerURL)
        object.omitEmpty("operator_service_urls", operatorServiceURLs)
        object.omitEmpty("system_account", systemAccount)
        return object.members
    }

    public init(natsJSON json: JSONValue) throws(JWTError) {
        signingKeys = json["signing_keys"]?.stringArray ?? []
        accountServerURL = json["account_server_url"]?.stringValue
        operatorServiceURLs = json["operator_service_urls"]?.stringArray ?? []
        systemAccount = json["system_account"]?.stringValue
    }
}
