import Foundation
import HodeiProfile
import NATSClient

/// Connects as each tenant's `hodei-admin` identity, from the profile: `servers.urls`, the connect
/// timeout, TLS (the CA, and under mutual TLS the `hodei-admin` client certificate that `certs`
/// issues per tenant — never the server's own certificate, which lacks clientAuth) and the credentials `SecretsLayout` places under `auth.secrets_dir`
/// (`.creds` in operator mode, an nkey seed in accounts mode), with the inbox prefix that identity
/// may use (`_INBOX_hodei-admin`).
///
/// When the credentials file does not exist the connector tries anonymously (a dev server without
/// auth needs none); if the server then refuses, the error names the missing file and says to run
/// `up` or `render` first. Anonymous access is only tried for a single-tenant profile: a server
/// without auth has one account, and several tenants in it would see (and prune) each other's streams.
public struct ProfileTenantConnector: TenantConnector {
    public let serverURLs: [String]
    public let mode: Profile.AuthMode
    public let layout: SecretsLayout
    public let tls: NATSTLSOptions?
    /// Where `certs` put the per-user client certificates; set when the servers verify clients.
    public let clientCertificates: CertificateLayout?
    public let connectTimeout: Duration
    /// Tenants in the profile (anonymous access only when there is one).
    public let tenantCount: Int

    public init(profile: Profile) {
        tenantCount = profile.tenants.count
        serverURLs = profile.servers.urls
        mode = profile.auth.mode
        layout = SecretsLayout(profile: profile)
        if let tls = profile.tls, tls.isEnabled {
            let certificates = CertificateLayout(profile: profile)
            self.tls = NATSTLSOptions(caFile: tls.ca?.resolved ?? certificates.ca)
            clientCertificates = tls.verifyClients ? certificates : nil
        } else {
            self.tls = nil
            clientCertificates = nil
        }
        connectTimeout = .nanoseconds(max(profile.servers.connectTimeout, 1_000_000))
    }

    /// The admin credentials file of `tenant` for this auth mode.
    public func credentialsPath(tenant: String) -> String {
        switch mode {
        case .operator: return layout.userCreds(tenant: tenant, user: SecretsLayout.adminUser)
        case .accounts: return layout.userSeed(tenant: tenant, user: SecretsLayout.adminUser)
        }
    }

    public func connect(tenant: String) async throws(TenantConnectError) -> NATSConnection {
        let path = credentialsPath(tenant: tenant)
        let exists = FileManager.default.fileExists(atPath: path)
        let auth: NATSAuth
        if exists {
            auth = mode == .operator ? .credsFile(path: path) : .nkeySeedFile(path: path)
        } else if tenantCount == 1 {
            auth = .none
        } else {
            throw TenantConnectError(tenant: tenant, failure: .missingCredentials(path: path), credentials: nil)
        }
        let options = NATSConnectOptions(
            servers: serverURLs, name: "hodei-provision/\(tenant)", connectTimeout: connectTimeout, maxReconnect: 0,
            auth: auth, tls: tlsOptions(tenant: tenant), inboxPrefix: exists ? "_INBOX_\(SecretsLayout.adminUser)" : nil)
        do {
            return try await NATSConnection.connect(options)
        } catch {
            if !exists && error.kind == .authorizationViolation {
                throw TenantConnectError(tenant: tenant, failure: .missingCredentials(path: path), credentials: nil)
            }
            throw TenantConnectError(tenant: tenant, failure: .connect(error), credentials: exists ? path : nil)
        }
    }

    /// The TLS options for `tenant`'s admin identity: the CA, plus its client certificate under mutual TLS.
    func tlsOptions(tenant: String) -> NATSTLSOptions? {
        guard var options = tls else { return nil }
        if let certificates = clientCertificates {
            options.certFile = certificates.clientCert(tenant: tenant, user: SecretsLayout.adminUser)
            options.keyFile = certificates.clientKey(tenant: tenant, user: SecretsLayout.adminUser)
        }
        return options
    }
}
