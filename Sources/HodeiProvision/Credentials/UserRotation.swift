import Foundation
import HodeiProfile
import HodeiSecurity

/// `rotate PROFILE tenant/user`: a new user key. Operator mode: new `.creds` and the old public
/// key revoked in the account JWT; accounts mode: a new `.nk` seed (the old public key leaves the
/// rendered config). Either way the servers must pick up a re-rendered config.
public struct UserRotation: Sendable {
    public let profile: Profile
    public let layout: SecretsLayout
    public let now: Date

    public init(profile: Profile, layout: SecretsLayout? = nil, now: Date = Date()) {
        self.profile = profile
        self.layout = layout ?? SecretsLayout(profile: profile)
        self.now = now
    }

    public struct Result: Sendable, Equatable {
        public let address: String
        public let previousPublicKey: String?
        public let newPublicKey: String
        public let file: String
        /// What must happen before the new key works and the old one is refused.
        public let reloadHint: String
    }

    /// `address` is `tenant/user`; the user must be in the profile (or be `hodei-admin`).
    public func rotate(_ address: String) throws(CredentialError) -> Result {
        let parts = address.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let tenant = profile.tenant(named: parts[0]) else {
            throw CredentialError(
                location: address, problem: "no such tenant",
                fix: "use tenant/user with a tenant of the profile: \(profile.tenants.map(\.name).joined(separator: ", "))")
        }
        let userName = parts[1]
        guard userName == SecretsLayout.adminUser || tenant.users.contains(where: { $0.name == userName }) else {
            throw CredentialError(
                location: address, problem: "no such user in tenant \(tenant.name)",
                fix: "one of: \((tenant.users.map(\.name) + [SecretsLayout.adminUser]).joined(separator: ", "))")
        }
        let bootstrap = CredentialBootstrap(profile: profile, layout: layout, now: now)
        let credentials = try bootstrap.run()
        guard let account = credentials.tenant(named: tenant.name), let current = account.user(named: userName) else {
            throw CredentialError(location: address, problem: "not bootstrapped", fix: "run render first")
        }
        let userStore = try bootstrap.store(layout.userDirectory(tenant: tenant.name))
        switch profile.auth.mode {
        case .operator:
            let accountStore = try bootstrap.store(layout.accountDirectory(tenant.name))
            let rootStore = try bootstrap.store(layout.root)
            let operatorKey: NKeyPair
            let accountKey: NKeyPair
            let result: (creds: CredsFile, outcome: CredentialsOutcome)
            do {
                operatorKey = try rootStore.loadOrCreateNKey(name: "operator", type: .operator_).key
                accountKey = try accountStore.loadOrCreateNKey(name: "account", type: .account).key
                result = try userStore.rotateUserCreds(
                    name: userName, userName: userName, signer: accountKey,
                    permissions: IdentityPolicy.jwtPermissions(current.permissions), now: now)
            } catch {
                throw CredentialError(error)
            }
            let previous = current.publicKey
            var events: [CredentialEvent] = []
            _ = try bootstrap.ensureAccountJWT(
                name: tenant.name, store: accountStore, accountKey: accountKey, operatorKey: operatorKey,
                limits: IdentityPolicy.accountLimits(tenant.limits), revoking: [previous: Int64(now.timeIntervalSince1970)],
                events: &events)
            return Result(
                address: address, previousPublicKey: previous,
                newPublicKey: try CredentialBootstrap.publicKey(of: result.creds, path: current.file), file: current.file,
                reloadHint: "re-render (hodei-provision render) and restart the servers: the account JWT now revokes "
                    + "\(previous), and the MEMORY resolver reads preloaded JWTs at start; then give clients the new creds file")
        case .accounts:
            let key = NKeyPair.generate(.user)
            do {
                try userStore.write(SecretString(key.seed.exposedText + "\n"), name: "\(userName).nk")
            } catch {
                throw CredentialError(error)
            }
            return Result(
                address: address, previousPublicKey: current.publicKey, newPublicKey: key.publicKeyText, file: current.file,
                reloadHint: "re-render (hodei-provision render) and reload the servers (nats-server --signal reload, or SIGHUP): "
                    + "the old key \(current.publicKey) leaves the accounts block; clients read the new seed from the same file")
        }
    }
}
