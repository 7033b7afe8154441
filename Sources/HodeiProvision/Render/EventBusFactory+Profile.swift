import Foundation
import HodeiBus
import HodeiProfile

extension EventBusFactory {
    /// The bus a tenant user of this profile gets: `InMemoryBus` when `bus.type` is inmemory,
    /// otherwise the NATS bus with the user's creds (operator mode) or nkey seed (accounts mode),
    /// TLS files, inbox prefix, stream and subject prefix. Credentials must exist (`render` or
    /// `up` creates them); nothing is generated here.
    public static func create(profile: Profile, tenant: String, user: String, urls: [String]? = nil) async throws -> any EventBus {
        try await create(try config(profile: profile, tenant: tenant, user: user, urls: urls))
    }

    /// The `EventBusConfig` `create(profile:tenant:user:)` builds, for inspection and tests.
    public static func config(profile: Profile, tenant: String, user: String, urls: [String]? = nil) throws(RenderError) -> EventBusConfig {
        guard profile.bus.type == .nats else {
            return EventBusConfig(backend: .inMemory, capacity: profile.bus.capacity, subjectPrefix: profile.bus.subjectPrefix)
        }
        return try ClientSettings(profile: profile, tenant: tenant, user: user, urls: urls).eventBusConfig()
    }
}

extension ClientSettings {
    /// Settings read from the profile and its `SecretsLayout` (no bootstrap, no secret read):
    /// what a running service uses. Throws when the tenant, user or its secret file is missing.
    public init(profile: Profile, tenant tenantName: String, user userName: String, layout: SecretsLayout? = nil, urls: [String]? = nil) throws(RenderError) {
        guard let tenant = profile.tenant(named: tenantName) else {
            throw RenderError(
                location: "\(profile.sourceFile): tenants.\(tenantName)", problem: "no such tenant",
                fix: "use one of: \(profile.tenants.map(\.name).joined(separator: ", "))")
        }
        let permissions: DerivedPermissions
        if userName == SecretsLayout.adminUser {
            permissions = IdentityPolicy.adminPermissions
        } else if let user = tenant.users.first(where: { $0.name == userName }) {
            permissions = PermissionDeriver.permissions(for: user, in: tenant)
        } else {
            throw RenderError(
                location: "\(profile.sourceFile): \(tenant.keyPath).users.\(userName)", problem: "no such user",
                fix: "use one of: \((tenant.users.map(\.name) + [SecretsLayout.adminUser]).joined(separator: ", "))")
        }
        let secrets = layout ?? SecretsLayout(profile: profile)
        let kind: UserCredential.Kind = profile.auth.mode == .operator ? .creds : .nkeySeed
        let file = kind == .creds ? secrets.userCreds(tenant: tenantName, user: userName) : secrets.userSeed(tenant: tenantName, user: userName)
        guard FileManager.default.fileExists(atPath: file) else {
            throw RenderError(
                location: file, problem: "no credentials for \(tenantName)/\(userName)",
                fix: "run `hodei-provision render \(profile.sourceFile) --out DIR` (or `up`) to create them")
        }
        var clientCertificate: (cert: String, key: String)?
        if profile.tls?.verifyClients == true {
            let certificates = CertificateLayout(profile: profile)
            clientCertificate = (certificates.clientCert(tenant: tenantName, user: userName), certificates.clientKey(tenant: tenantName, user: userName))
        }
        self.init(
            profile: profile,
            credential: UserCredential(tenant: tenantName, name: userName, publicKey: "", permissions: permissions, kind: kind, file: file),
            urls: urls, clientCertificate: clientCertificate)
    }

    /// The runtime bus configuration these settings describe.
    public func eventBusConfig() -> EventBusConfig {
        var nats = NatsSettings(
            servers: urls, timeout: .milliseconds(timeoutMilliseconds), stream: stream, inboxPrefix: inboxPrefix)
        if let credsFile {
            nats.auth = .credentials(path: credsFile)
        } else if let nkeySeedFile {
            nats.auth = .nkeySeedFile(path: nkeySeedFile)
        }
        if tlsCA != nil || tlsCert != nil {
            nats.tls = NatsTLSSettings(caFile: tlsCA, certFile: tlsCert, keyFile: tlsKey, serverName: tlsServerName)
        }
        return EventBusConfig(
            backend: busType == .nats ? .nats : .inMemory, capacity: capacity, subjectPrefix: subjectPrefix, nats: nats)
    }
}
