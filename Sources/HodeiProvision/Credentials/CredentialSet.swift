import HodeiProfile
import HodeiSecurity

/// What the bootstrap produced: public keys, JWTs (public) and the paths of the secret files.
/// Holds no seed, so it can be passed around, rendered and printed.
public struct CredentialSet: Sendable, Equatable {
    public let mode: Profile.AuthMode
    public let layout: SecretsLayout
    /// Operator mode only.
    public let operatorIdentity: OperatorIdentity?
    /// `SYS` with its system user (both modes).
    public let systemAccount: AccountCredentials
    /// One per tenant, in the profile's order (sorted by name).
    public let tenants: [AccountCredentials]
    /// What was created, re-issued or kept, one line per identity.
    public let events: [CredentialEvent]
    /// Secret files of users (or tenants) no longer in the profile: reported, never deleted.
    public let orphans: [OrphanedCredential]

    public func tenant(named name: String) -> AccountCredentials? { tenants.first { $0.name == name } }

    public func user(tenant: String, user: String) -> UserCredential? {
        self.tenant(named: tenant)?.users.first { $0.name == user }
    }

    /// The resolver block for operator mode (operator JWT, system account, every account JWT).
    public func operatorModeConfig() throws(CredentialError) -> OperatorModeConfig? {
        guard let operatorIdentity else { return nil }
        var preload: [String: String] = [:]
        for account in [systemAccount] + tenants {
            guard let key = account.publicKey, let jwt = account.jwt else { continue }
            preload[key] = jwt
        }
        let systemKey: NKeyPublicKey
        do {
            systemKey = try NKeyPublicKey(systemAccount.publicKey ?? "", expecting: .account)
        } catch {
            throw CredentialError(
                location: layout.accountSeed(SecretsLayout.systemAccount), problem: "no system account key",
                fix: "run the bootstrap (render) again")
        }
        let config = OperatorModeConfig(operatorJWT: operatorIdentity.jwt, systemAccount: systemKey, accountJWTs: preload)
        do {
            try config.validate()
        } catch {
            throw CredentialError(error, location: layout.operatorJWT)
        }
        return config
    }
}

public struct OperatorIdentity: Sendable, Equatable {
    public let name: String
    public let publicKey: String
    public let jwt: String
}

/// One NATS account: a tenant or `SYS`.
public struct AccountCredentials: Sendable, Equatable {
    public let name: String
    /// `A…` (operator mode); nil in accounts mode, where accounts are named in the config.
    public let publicKey: String?
    /// Operator mode only.
    public let jwt: String?
    /// The tenant's limits as written in the profile (nil for `SYS`).
    public let limits: Tenant.Limits?
    /// The profile's users plus `hodei-admin` (tenants) or `system` (SYS), sorted by name.
    public let users: [UserCredential]

    public func user(named name: String) -> UserCredential? { users.first { $0.name == name } }
}

/// One user identity and where its secret lives.
public struct UserCredential: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// `.creds` (JWT + seed): operator mode.
        case creds
        /// `.nk` (seed only): accounts mode.
        case nkeySeed
    }

    public let tenant: String
    public let name: String
    /// `U…`
    public let publicKey: String
    public let permissions: DerivedPermissions
    public let kind: Kind
    /// Absolute path of the `.creds` or `.nk` file (0600).
    public let file: String

    public var address: String { "\(tenant)/\(name)" }
}

/// What the bootstrap (or rotate) did to one identity.
public struct CredentialEvent: Sendable, Equatable, CustomStringConvertible {
    public enum Action: Sendable, Equatable {
        case created
        case reissued(reason: String)
        case unchanged
        case rotated(previousPublicKey: String?)
    }

    /// `operator`, `account acme`, `user acme/worker`.
    public let subject: String
    public let action: Action
    public let path: String

    public var description: String {
        switch action {
        case .created: return "created    \(subject)  \(path)"
        case .reissued(let reason): return "re-issued  \(subject) (\(reason))  \(path)"
        case .unchanged: return "unchanged  \(subject)"
        case .rotated(let previous): return "rotated    \(subject) (previous key \(previous ?? "unknown"))  \(path)"
        }
    }

    public var changed: Bool { action != .unchanged }
}

/// A secret file whose user or tenant is gone from the profile.
public struct OrphanedCredential: Sendable, Equatable, CustomStringConvertible {
    /// `tenant/user`, or `tenant` for a whole account directory.
    public let address: String
    public let path: String

    public var description: String {
        "\(address): \(path) is no longer in the profile; it is kept (delete it yourself once nothing uses it)"
    }
}
