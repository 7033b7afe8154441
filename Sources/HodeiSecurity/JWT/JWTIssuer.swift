import Foundation

/// One-call builders for the three JWTs a NATS operator deployment needs.
public enum JWTIssuer {
    /// A self-signed operator JWT naming the system account.
    public static func issueOperator(
        name: String, operatorKey: NKeyPair, systemAccount: NKeyPublicKey?, signingKeys: [NKeyPublicKey] = [],
        operatorServiceURLs: [String] = [], issuedAt: Date = Date()
    ) throws(JWTError) -> String {
        var claims = JWTClaims(
            subject: operatorKey.publicKeyText, name: name,
            body: OperatorClaims(
                signingKeys: signingKeys.map(\.text), operatorServiceURLs: operatorServiceURLs,
                systemAccount: systemAccount?.text))
        return try JWTCodec.encode(&claims, signer: operatorKey, issuedAt: issuedAt)
    }

    /// An account JWT signed by the operator (or an operator signing key).
    public static func issueAccount(
        name: String, accountKey: NKeyPublicKey, operatorKey: NKeyPair, limits: AccountLimits = .init(),
        exports: [AccountExport] = [], imports: [AccountImport] = [], signingKeys: [NKeyPublicKey] = [],
        revocations: [String: Int64] = [:], defaultPermissions: Permissions = .init(), issuedAt: Date = Date()
    ) throws(JWTError) -> String {
        var claims = JWTClaims(
            subject: accountKey.text, name: name,
            body: AccountClaims(
                imports: imports, exports: exports, limits: limits, signingKeys: signingKeys.map(\.text),
                revocations: revocations, defaultPermissions: defaultPermissions))
        guard operatorKey.type == .operator_ else {
            throw JWTError(.issuerNotAllowed(issuer: operatorKey.publicKeyText, allowed: [.operator_]), context: "account JWT \(name)")
        }
        return try JWTCodec.encode(&claims, signer: operatorKey, issuedAt: issuedAt)
    }

    /// A user JWT signed by its account key, or by an account signing key on behalf of
    /// `issuerAccount`.
    public static func issueUser(
        name: String, userKey: NKeyPublicKey, accountKey: NKeyPair, permissions: Permissions = .init(),
        issuerAccount: NKeyPublicKey? = nil, bearerToken: Bool = false, allowedConnectionTypes: [String] = [],
        expires: Date? = nil, issuedAt: Date = Date()
    ) throws(JWTError) -> String {
        var claims = JWTClaims(
            subject: userKey.text, name: name,
            body: UserClaims(
                permissions: permissions, bearerToken: bearerToken, allowedConnectionTypes: allowedConnectionTypes,
                issuerAccount: issuerAccount?.text),
            expires: expires.map { Int64($0.timeIntervalSince1970.rounded(.down)) })
        return try JWTCodec.encode(&claims, signer: accountKey, issuedAt: issuedAt)
    }
}
