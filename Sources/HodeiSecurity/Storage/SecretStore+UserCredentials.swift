import Foundation

/// What `loadOrIssueUserCreds` did, so callers can report it (and `plan` can show it).
public enum CredentialsOutcome: Sendable, Equatable {
    /// The stored creds already match: nothing written.
    case unchanged
    /// Same user key, new JWT (permissions, signer or expiry changed).
    case reissued(reason: String)
    /// No creds existed: new user key and JWT.
    case created
    /// New user key on request; `previousUser` is the key to revoke in the account JWT.
    case rotated(previousUser: String?)
}

extension SecretStore {
    /// Reads `<name>.creds`, `nil` when absent.
    public func loadCreds(name: String) throws(SecretStoreError) -> CredsFile? {
        guard let text = try read(name: name + ".creds") else { return nil }
        do {
            return try CredsFile.parse(text)
        } catch {
            throw SecretStoreError(path: try path(for: name + ".creds"), .unreadable(error.description))
        }
    }

    /// Ensures `<name>.creds` holds a user of `signer`'s account with `permissions`. The user key
    /// in an existing file is always kept (only its JWT is re-issued when the claims differ); an
    /// unreadable file is an error, never replaced.
    public func loadOrIssueUserCreds(
        name: String, userName: String, signer: NKeyPair, issuerAccount: NKeyPublicKey? = nil,
        permissions: Permissions, now: Date = Date()
    ) throws(SecretStoreError) -> (creds: CredsFile, outcome: CredentialsOutcome) {
        let filePath = try path(for: name + ".creds")
        guard let existing = try loadCreds(name: name) else {
            let creds = try Self.issue(
                userKey: .generate(.user), userName: userName, signer: signer, issuerAccount: issuerAccount,
                permissions: permissions, now: now, path: filePath)
            try writeCreds(creds, name: name)
            return (creds, .created)
        }
        let reason: String?
        do {
            let claims = try JWTCodec.decode(existing.jwt, as: UserClaims.self, expectedIssuer: signer.publicKeyText)
            if claims.body.permissions != permissions {
                reason = "permissions changed"
            } else if claims.body.issuerAccount != issuerAccount?.text {
                reason = "issuer account changed"
            } else if claims.name != userName {
                reason = "user name changed"
            } else if let expires = claims.expires, expires <= Int64(now.timeIntervalSince1970) {
                reason = "JWT expired"
            } else {
                reason = nil
            }
        } catch {
            reason = "JWT no longer verifies (\(error.description))"
        }
        guard let reason else { return (existing, .unchanged) }
        let userKey: NKeyPair
        do {
            userKey = try NKeyPair(seed: existing.seed, expecting: .user)
        } catch {
            throw SecretStoreError(path: filePath, .unreadable(error.description))
        }
        let creds = try Self.issue(
            userKey: userKey, userName: userName, signer: signer, issuerAccount: issuerAccount,
            permissions: permissions, now: now, path: filePath)
        try writeCreds(creds, name: name)
        return (creds, .reissued(reason: reason))
    }

    /// New user key and JWT in `<name>.creds` (the `rotate` command). Revoke `previousUser` in
    /// the account JWT to lock the old credentials out.
    public func rotateUserCreds(
        name: String, userName: String, signer: NKeyPair, issuerAccount: NKeyPublicKey? = nil,
        permissions: Permissions, now: Date = Date()
    ) throws(SecretStoreError) -> (creds: CredsFile, outcome: CredentialsOutcome) {
        let filePath = try path(for: name + ".creds")
        let previous = try? loadCreds(name: name)
        let previousUser = previous.flatMap { try? NKeyPair(seed: $0.seed).publicKeyText }
        let creds = try Self.issue(
            userKey: .generate(.user), userName: userName, signer: signer, issuerAccount: issuerAccount,
            permissions: permissions, now: now, path: filePath)
        try writeCreds(creds, name: name)
        return (creds, .rotated(previousUser: previousUser))
    }

    private static func issue(
        userKey: NKeyPair, userName: String, signer: NKeyPair, issuerAccount: NKeyPublicKey?,
        permissions: Permissions, now: Date, path: String
    ) throws(SecretStoreError) -> CredsFile {
        do {
            let jwt = try JWTIssuer.issueUser(
                name: userName, userKey: userKey.publicKey, accountKey: signer, permissions: permissions,
                issuerAccount: issuerAccount, issuedAt: now)
            return try CredsFile(jwt: jwt, seed: userKey.seed)
        } catch let error as JWTError {
            throw SecretStoreError(path: path, .issueFailed("cannot issue the user JWT: \(error)"))
        } catch {
            throw SecretStoreError(path: path, .issueFailed("cannot build the creds file: \(error)"))
        }
    }
}
