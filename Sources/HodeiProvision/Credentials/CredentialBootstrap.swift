import Foundation
import HodeiProfile
import HodeiSecurity

/// Creates the credentials a profile needs under its `SecretsLayout`, reusing every existing key.
///
/// - operator mode: operator key + JWT (system_account = SYS), account key + JWT for SYS and each
///   tenant (JetStream limits from `tenants.<t>.limits`), `.creds` per user (JWT with the derived
///   permissions), plus `SYS/system` and `<tenant>/hodei-admin`.
/// - accounts mode: one `.nk` seed per user (the server config names accounts and public keys).
///
/// Idempotent: keys are never regenerated; a JWT is re-issued only when its claims would differ
/// (limits, permissions, signer), so a second run writes nothing. Users that left the profile are
/// reported as orphans, never deleted.
public struct CredentialBootstrap: Sendable {
    public let profile: Profile
    public let layout: SecretsLayout
    public let now: Date

    public init(profile: Profile, layout: SecretsLayout? = nil, now: Date = Date()) {
        self.profile = profile
        self.layout = layout ?? SecretsLayout(profile: profile)
        self.now = now
    }

    public var operatorName: String { "hodei-\(profile.environment)" }

    public func run() throws(CredentialError) -> CredentialSet {
        try checkReservedNames()
        var events: [CredentialEvent] = []
        let root = try store(layout.root)
        _ = try store(layout.root + "/accounts")
        switch profile.auth.mode {
        case .operator:
            return try runOperatorMode(root: root, events: &events)
        case .accounts:
            return try runAccountsMode(events: &events)
        }
    }

    // MARK: operator mode

    private func runOperatorMode(root: SecretStore, events: inout [CredentialEvent]) throws(CredentialError) -> CredentialSet {
        let operatorKey = try nkey(root, name: "operator", type: .operator_, subject: "operator", path: layout.operatorSeed, events: &events)
        let systemStore = try store(layout.accountDirectory(SecretsLayout.systemAccount))
        let systemKey = try nkey(
            systemStore, name: "account", type: .account, subject: "account \(SecretsLayout.systemAccount)",
            path: layout.accountSeed(SecretsLayout.systemAccount), events: &events)
        let operatorJWT = try ensureOperatorJWT(root: root, operatorKey: operatorKey, systemAccount: systemKey.publicKey, events: &events)

        let system = try operatorAccount(
            name: SecretsLayout.systemAccount, store: systemStore, accountKey: systemKey, operatorKey: operatorKey,
            limits: nil, users: [(SecretsLayout.systemUser, IdentityPolicy.systemPermissions, false)], events: &events)
        var tenants: [AccountCredentials] = []
        for tenant in profile.tenants {
            let accountStore = try store(layout.accountDirectory(tenant.name))
            let accountKey = try nkey(
                accountStore, name: "account", type: .account, subject: "account \(tenant.name)",
                path: layout.accountSeed(tenant.name), events: &events)
            tenants.append(try operatorAccount(
                name: tenant.name, store: accountStore, accountKey: accountKey, operatorKey: operatorKey,
                limits: tenant.limits, users: users(of: tenant), events: &events))
        }
        return CredentialSet(
            mode: .operator, layout: layout,
            operatorIdentity: OperatorIdentity(name: operatorName, publicKey: operatorKey.publicKeyText, jwt: operatorJWT),
            systemAccount: system, tenants: tenants, events: events, orphans: try orphans())
    }

    private func ensureOperatorJWT(
        root: SecretStore, operatorKey: NKeyPair, systemAccount: NKeyPublicKey, events: inout [CredentialEvent]
    ) throws(CredentialError) -> String {
        let path = layout.operatorJWT
        var reason = "no JWT yet"
        if let existing = try read(root, name: "operator.jwt") {
            do {
                let claims = try JWTCodec.decode(existing, as: OperatorClaims.self, expectedIssuer: operatorKey.publicKeyText)
                if claims.body.systemAccount == systemAccount.text && claims.name == operatorName {
                    events.append(CredentialEvent(subject: "operator JWT", action: .unchanged, path: path))
                    return existing
                }
                reason = "system account or name changed"
            } catch {
                reason = "no longer verifies against the operator key"
            }
        }
        let jwt: String
        do {
            jwt = try JWTIssuer.issueOperator(name: operatorName, operatorKey: operatorKey, systemAccount: systemAccount, issuedAt: now)
        } catch {
            throw CredentialError(error, location: path)
        }
        try write(root, jwt, name: "operator.jwt")
        events.append(CredentialEvent(subject: "operator JWT", action: reason == "no JWT yet" ? .created : .reissued(reason: reason), path: path))
        return jwt
    }

    private func operatorAccount(
        name: String, store accountStore: SecretStore, accountKey: NKeyPair, operatorKey: NKeyPair, limits: Tenant.Limits?,
        users: [(name: String, permissions: DerivedPermissions, restricted: Bool)], events: inout [CredentialEvent]
    ) throws(CredentialError) -> AccountCredentials {
        let jwt = try ensureAccountJWT(
            name: name, store: accountStore, accountKey: accountKey, operatorKey: operatorKey,
            limits: limits.map(IdentityPolicy.accountLimits) ?? AccountLimits(), revoking: [:], events: &events)
        let userStore = try store(layout.userDirectory(tenant: name))
        var credentials: [UserCredential] = []
        for user in users {
            let path = layout.userCreds(tenant: name, user: user.name)
            let result: (creds: CredsFile, outcome: CredentialsOutcome)
            do {
                result = try userStore.loadOrIssueUserCreds(
                    name: user.name, userName: user.name, signer: accountKey,
                    permissions: IdentityPolicy.jwtPermissions(user.permissions, restricted: user.restricted), now: now)
            } catch {
                throw CredentialError(error)
            }
            events.append(CredentialEvent(subject: "user \(name)/\(user.name)", action: Self.action(result.outcome), path: path))
            credentials.append(UserCredential(
                tenant: name, name: user.name, publicKey: try Self.publicKey(of: result.creds, path: path),
                permissions: user.permissions, kind: .creds, file: path))
        }
        return AccountCredentials(name: name, publicKey: accountKey.publicKeyText, jwt: jwt, limits: limits, users: credentials)
    }

    /// Keeps the account JWT when name, issuer and limits match; otherwise re-issues it, carrying
    /// over revocations (so a rotated user's old JWT stays refused) plus `revoking`.
    func ensureAccountJWT(
        name: String, store accountStore: SecretStore, accountKey: NKeyPair, operatorKey: NKeyPair, limits: AccountLimits,
        revoking: [String: Int64], events: inout [CredentialEvent]
    ) throws(CredentialError) -> String {
        let path = layout.accountJWT(name)
        var reason: String?
        var revocations: [String: Int64] = [:]
        if let existing = try read(accountStore, name: "account.jwt") {
            do {
                let claims = try JWTCodec.decode(existing, as: AccountClaims.self, expectedIssuer: operatorKey.publicKeyText)
                revocations = claims.body.revocations
                if claims.subject != accountKey.publicKeyText {
                    reason = "account key changed"
                } else if claims.name != name {
                    reason = "name changed"
                } else if claims.body.limits != limits {
                    reason = "limits changed"
                } else if !revoking.isEmpty {
                    reason = "revoking \(revoking.keys.sorted().joined(separator: ", "))"
                } else {
                    events.append(CredentialEvent(subject: "account \(name)", action: .unchanged, path: path))
                    return existing
                }
            } catch {
                reason = "no longer verifies against the operator key"
            }
        }
        revocations.merge(revoking) { _, new in new }
        let jwt: String
        do {
            jwt = try JWTIssuer.issueAccount(
                name: name, accountKey: accountKey.publicKey, operatorKey: operatorKey, limits: limits,
                revocations: revocations, issuedAt: now)
        } catch {
            throw CredentialError(error, location: path)
        }
        try write(accountStore, jwt, name: "account.jwt")
        events.append(CredentialEvent(subject: "account \(name)", action: reason.map { .reissued(reason: $0) } ?? .created, path: path))
        return jwt
    }

    // MARK: accounts mode

    private func runAccountsMode(events: inout [CredentialEvent]) throws(CredentialError) -> CredentialSet {
        let system = try nkeyAccount(
            name: SecretsLayout.systemAccount, limits: nil,
            users: [(SecretsLayout.systemUser, IdentityPolicy.systemPermissions, false)], events: &events)
        var tenants: [AccountCredentials] = []
        for tenant in profile.tenants {
            tenants.append(try nkeyAccount(name: tenant.name, limits: tenant.limits, users: users(of: tenant), events: &events))
        }
        return CredentialSet(
            mode: .accounts, layout: layout, operatorIdentity: nil, systemAccount: system, tenants: tenants,
            events: events, orphans: try orphans())
    }

    private func nkeyAccount(
        name: String, limits: Tenant.Limits?, users: [(name: String, permissions: DerivedPermissions, restricted: Bool)],
        events: inout [CredentialEvent]
    ) throws(CredentialError) -> AccountCredentials {
        _ = try store(layout.accountDirectory(name))
        let userStore = try store(layout.userDirectory(tenant: name))
        var credentials: [UserCredential] = []
        for user in users {
            let path = layout.userSeed(tenant: name, user: user.name)
            let key = try nkey(userStore, name: user.name, type: .user, subject: "user \(name)/\(user.name)", path: path, events: &events)
            credentials.append(UserCredential(
                tenant: name, name: user.name, publicKey: key.publicKeyText, permissions: user.permissions,
                kind: .nkeySeed, file: path))
        }
        return AccountCredentials(name: name, publicKey: nil, jwt: nil, limits: limits, users: credentials)
    }

    // MARK: shared

    /// The profile's users plus `hodei-admin`, sorted by name.
    private func users(of tenant: Tenant) -> [(name: String, permissions: DerivedPermissions, restricted: Bool)] {
        var list: [(name: String, permissions: DerivedPermissions, restricted: Bool)] = tenant.users.map {
            ($0.name, PermissionDeriver.permissions(for: $0, in: tenant), true)
        }
        list.append((SecretsLayout.adminUser, IdentityPolicy.adminPermissions, true))
        return list.sorted { $0.name < $1.name }
    }

    private func checkReservedNames() throws(CredentialError) {
        if let tenant = profile.tenant(named: SecretsLayout.systemAccount) {
            throw CredentialError(
                location: profile.location(of: tenant.keyPath)?.description ?? tenant.keyPath,
                problem: "tenant name \(SecretsLayout.systemAccount) is reserved for the system account",
                fix: "rename the tenant")
        }
        for tenant in profile.tenants where tenant.users.contains(where: { $0.name == SecretsLayout.adminUser }) {
            let keyPath = "\(tenant.keyPath).users.\(SecretsLayout.adminUser)"
            throw CredentialError(
                location: profile.location(of: keyPath)?.description ?? keyPath,
                problem: "user name \(SecretsLayout.adminUser) is reserved for the provisioning identity of every tenant",
                fix: "rename the user")
        }
    }

    /// Secret files under `accounts/` whose tenant or user is not (or no longer) in the profile.
    private func orphans() throws(CredentialError) -> [OrphanedCredential] {
        let manager = FileManager.default
        var found: [OrphanedCredential] = []
        let tenants = Set(profile.tenants.map(\.name) + [SecretsLayout.systemAccount])
        let accountNames = (try? manager.contentsOfDirectory(atPath: layout.root + "/accounts")) ?? []
        for account in accountNames.sorted() where !account.hasPrefix(".") {
            guard tenants.contains(account) else {
                found.append(OrphanedCredential(address: account, path: layout.accountDirectory(account)))
                continue
            }
            let expected: Set<String>
            if account == SecretsLayout.systemAccount {
                expected = [SecretsLayout.systemUser]
            } else {
                expected = Set((profile.tenant(named: account)?.users.map(\.name) ?? []) + [SecretsLayout.adminUser])
            }
            let suffix = profile.auth.mode == .operator ? ".creds" : ".nk"
            let files = (try? manager.contentsOfDirectory(atPath: layout.userDirectory(tenant: account))) ?? []
            for file in files.sorted() where file.hasSuffix(suffix) {
                let user = String(file.dropLast(suffix.count))
                if !expected.contains(user) {
                    found.append(OrphanedCredential(address: "\(account)/\(user)", path: layout.userDirectory(tenant: account) + "/" + file))
                }
            }
        }
        return found
    }

    func store(_ path: String) throws(CredentialError) -> SecretStore {
        do {
            return try SecretStore(directory: URL(fileURLWithPath: path))
        } catch {
            throw CredentialError(error)
        }
    }

    private func nkey(
        _ store: SecretStore, name: String, type: NKeyType, subject: String, path: String, events: inout [CredentialEvent]
    ) throws(CredentialError) -> NKeyPair {
        do {
            let (key, created) = try store.loadOrCreateNKey(name: name, type: type)
            events.append(CredentialEvent(subject: subject, action: created ? .created : .unchanged, path: path))
            return key
        } catch {
            throw CredentialError(error)
        }
    }

    func read(_ store: SecretStore, name: String) throws(CredentialError) -> String? {
        do {
            return try store.read(name: name)?.exposedText.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CredentialError(error)
        }
    }

    func write(_ store: SecretStore, _ text: String, name: String) throws(CredentialError) {
        do {
            try store.write(SecretString(text + "\n"), name: name)
        } catch {
            throw CredentialError(error)
        }
    }

    static func publicKey(of creds: CredsFile, path: String) throws(CredentialError) -> String {
        do {
            return try NKeyPair(seed: creds.seed, expecting: .user).publicKeyText
        } catch {
            throw CredentialError(location: path, problem: "the seed cannot be read: \(error)", fix: "restore the file or rotate the user")
        }
    }

    static func action(_ outcome: CredentialsOutcome) -> CredentialEvent.Action {
        switch outcome {
        case .unchanged: return .unchanged
        case .created: return .created
        case .reissued(let reason): return .reissued(reason: reason)
        case .rotated(let previous): return .rotated(previousPublicKey: previous)
        }
    }
}
