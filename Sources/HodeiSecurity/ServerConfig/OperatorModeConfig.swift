/// The operator-mode block of a `nats-server.conf`: trusted operator, system account and a
/// MEMORY resolver preloaded with account JWTs. A fragment: the renderer adds listen, TLS,
/// JetStream and cluster settings around it.
public struct OperatorModeConfig: Sendable, Equatable {
    /// The operator JWT (inline) — the server also accepts a file path here.
    public var operatorJWT: String
    public var systemAccount: NKeyPublicKey
    /// Account public key text → account JWT; must include the system account's JWT.
    public var accountJWTs: [String: String]

    public init(operatorJWT: String, systemAccount: NKeyPublicKey, accountJWTs: [String: String]) {
        self.operatorJWT = operatorJWT
        self.systemAccount = systemAccount
        self.accountJWTs = accountJWTs
    }

    /// Checks what the server would reject at start: the operator JWT must verify and name the
    /// same system account, every account JWT must be signed by the operator (or one of its
    /// signing keys) and be keyed by its own subject.
    public func validate() throws(JWTError) {
        let operatorClaims = try JWTCodec.decode(operatorJWT, as: OperatorClaims.self)
        guard operatorClaims.body.systemAccount == systemAccount.text else {
            throw JWTError(
                .invalidField("system_account \(systemAccount.text) differs from the operator JWT's \(operatorClaims.body.systemAccount ?? "(none)")"),
                context: "operator config")
        }
        guard accountJWTs[systemAccount.text] != nil else {
            throw JWTError(.invalidField("no JWT preloaded for the system account \(systemAccount.text)"), context: "operator config")
        }
        let trusted = Set([operatorClaims.subject] + operatorClaims.body.signingKeys)
        for (key, token) in accountJWTs {
            let account = try JWTCodec.decode(token, as: AccountClaims.self)
            guard account.subject == key else {
                throw JWTError(.invalidField("resolver_preload key \(key) holds the JWT of \(account.subject)"), context: "operator config")
            }
            guard trusted.contains(account.issuer) else {
                throw JWTError(.unexpectedIssuer(expected: operatorClaims.subject, actual: account.issuer), context: "account JWT \(account.name)")
            }
        }
    }

    /// The config lines, accounts in key order so the output is stable.
    public func render() -> String {
        var lines = [
            "operator: \(operatorJWT)",
            "system_account: \(systemAccount.text)",
            "resolver: MEMORY",
            "resolver_preload: {",
        ]
        for key in accountJWTs.keys.sorted() {
            lines.append("  \(key): \(accountJWTs[key] ?? "")")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
