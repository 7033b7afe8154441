import Foundation
import HodeiProfile

/// `render`: bootstrap credentials (create what is missing), then write per node
/// `<out>/<node>/nats-server.conf` and per tenant user `<out>/clients/<tenant>/<user>.env` and
/// `.context.json`. Files whose content is unchanged are not rewritten.
public struct EnvironmentRenderer: Sendable {
    public let profile: Profile
    public let outDirectory: String
    public let version: ServerVersion
    /// nil: `ServerTopology.fromProfile` with stores under `<out>/<node>/jetstream`.
    public var nodes: [ServerNode]?
    /// Client URLs; nil: the profile's `servers.urls`.
    public var clientURLs: [String]?
    /// nil: the profile's TLS files; `.some(nil)`: plaintext.
    public var tls: TLSFiles??
    public var layout: SecretsLayout?
    public var now: Date

    public init(profile: Profile, outDirectory: String, version: ServerVersion, now: Date = Date()) {
        self.profile = profile
        self.outDirectory = URL(fileURLWithPath: outDirectory).standardizedFileURL.path
        self.version = version
        self.now = now
    }

    public struct Result: Sendable {
        public let credentials: CredentialSet
        public let nodes: [ServerNode]
        /// Node name → config path.
        public let serverConfigs: [(node: String, path: String)]
        public let clients: [ClientFiles]
        /// Files written by this run (unchanged ones are not).
        public let written: [String]
    }

    public struct ClientFiles: Sendable, Equatable {
        public let settings: ClientSettings
        public let envFile: String
        public let contextFile: String
        /// The creds or seed file in the secrets directory (referenced, not copied).
        public let credentialFile: String
    }

    public func render() throws -> Result {
        let credentials = try CredentialBootstrap(profile: profile, layout: layout, now: now).run()
        let nodes = self.nodes ?? ServerTopology.fromProfile(profile, storeRoot: outDirectory)
        let tlsFiles = tls ?? TLSFiles(profile: profile)
        let renderer = ServerConfigRenderer(profile: profile, credentials: credentials, version: version, tls: .some(tlsFiles))
        var written: [String] = []
        var configs: [(String, String)] = []
        try PrivateFileWriter.makeDirectory(outDirectory)
        for node in nodes {
            let path = "\(outDirectory)/\(node.name)/nats-server.conf"
            if try PrivateFileWriter.write(try renderer.render(node), to: path) { written.append(path) }
            configs.append((node.name, path))
        }
        let urls = clientURLs ?? (self.nodes.map { $0.map { $0.clientURL(tls: tlsFiles != nil) } } ?? profile.servers.urls)
        let certificates = CertificateLayout(profile: profile)
        var clients: [ClientFiles] = []
        for account in credentials.tenants {
            for user in account.users {
                var clientCertificate: (cert: String, key: String)?
                if tlsFiles?.verifyClients == true {
                    clientCertificate = (certificates.clientCert(tenant: account.name, user: user.name),
                                         certificates.clientKey(tenant: account.name, user: user.name))
                }
                let settings = ClientSettings(
                    profile: profile, credential: user, urls: urls, tls: .some(tlsFiles), clientCertificate: clientCertificate)
                let paths = ClientArtefacts.paths(out: outDirectory, tenant: account.name, user: user.name)
                if try PrivateFileWriter.write(ClientArtefacts.envFile(settings), to: paths.env) { written.append(paths.env) }
                if try PrivateFileWriter.write(ClientArtefacts.contextJSON(settings), to: paths.context) { written.append(paths.context) }
                clients.append(ClientFiles(settings: settings, envFile: paths.env, contextFile: paths.context, credentialFile: user.file))
            }
        }
        return Result(credentials: credentials, nodes: nodes, serverConfigs: configs, clients: clients, written: written)
    }
}
