/// `nats` of an account JWT, signed by the operator key (or an operator signing key).
public struct AccountClaims: NATSClaimBody, Equatable {
    public static let claimType = "account"
    public static let subjectType = NKeyType.account
    public static let issuerTypes: [NKeyType] = [.operator_, .account]

    public var imports: [AccountImport]
    public var exports: [AccountExport]
    public var limits: AccountLimits
    /// Account signing keys (A… public keys) allowed to issue users for this account.
    public var signingKeys: [String]
    /// Revoked user keys → unix seconds: JWTs issued before that time are rejected.
    public var revocations: [String: Int64]
    public var defaultPermissions: Permissions
    public var description: String?

    public init(
        imports: [AccountImport] = [], exports: [AccountExport] = [], limits: AccountLimits = .init(),
        signingKeys: [String] = [], revocations: [String: Int64] = [:], defaultPermissions: Permissions = .init(),
        description: String? = nil
    ) {
        self.imports = imports
        self.exports = exports
        self.limits = limits
        self.signingKeys = signingKeys
        self.revocations = revocations
        self.defaultPermissions = defaultPermissions
        self.description = description
    }

    /// Go order: imports, exports, limits, signing_keys, revocations, default_permissions,
    /// (mappings), authorization, (trace, cluster_traffic), description. Go sorts imports and
    /// exports by subject before encoding and emits maps with sorted keys; `authorization` is a
    /// struct, so Go always writes it, as `{}` when unused.
    public func natsFields() -> [(String, JSONValue)] {
        var object = GoObject()
        object.omitEmpty("imports", imports.sorted { $0.subject < $1.subject }.map(\.json))
        object.omitEmpty("exports", exports.sorted { $0.subject < $1.subject }.map(\.json))
        object.always("limits", limits.json)
        object.omitEmpty("signing_keys", signingKeys.sorted())
        if !revocations.isEmpty {
            object.always("revocations", .object(revocations.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
        }
        object.always("default_permissions", .object(defaultPermissions.fields))
        object.always("authorization", .object([]))
        object.omitEmpty("description", description)
        return object.members
    }

    public init(natsJSON json: JSONValue) throws(JWTError) {
        var imports: [AccountImport] = []
        for item in json["imports"]?.arrayValue ?? [] { imports.append(try AccountImport(json: item)) }
        var exports: [AccountExport] = []
        for item in json["exports"]?.arrayValue ?? [] { exports.append(try AccountExport(json: item)) }
        var revocations: [String: Int64] = [:]
        if case .object(let members)? = json["revocations"] {
            for (key, value) in members { revocations[key] = value.intValue ?? 0 }
        }
        // Scoped signing keys are objects with a `key` member; plain ones are strings.
        let signingKeys = (json["signing_keys"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["key"]?.stringValue }
        self.init(
            imports: imports, exports: exports, limits: AccountLimits(json: json["limits"]), signingKeys: signingKeys,
            revocations: revocations, defaultPermissions: Permissions(json: json["default_permissions"]),
            description: json["description"]?.stringValue)
    }
}
