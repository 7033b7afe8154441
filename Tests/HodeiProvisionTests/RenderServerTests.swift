import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSClient
import NATSServerControl
import Testing

/// Rendered configs run by a real nats-server: the rendered users get in, others do not.
@Suite(.serialized) struct RenderServerTests {
    /// Renders the profile for one loopback node on `port`.
    static func render(_ sandbox: ProvisionSandbox, profile: Profile, port: Int) throws -> EnvironmentRenderer.Result {
        var renderer = EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: ServerBinaries.currentVersion)
        renderer.nodes = ServerTopology.loopback(profile, clientPorts: [port], storeRoot: sandbox.path("out"))
        return try renderer.render()
    }

    /// Renders, starts the current server with the rendered config, runs `body`, always stops it.
    static func withServer(
        _ sandbox: ProvisionSandbox, profile: Profile, port: Int,
        _ body: (NATSServer, EnvironmentRenderer.Result) async throws -> Void
    ) async throws {
        let result = try render(sandbox, profile: profile, port: port)
        let server = try await NATSServer.start(NATSServerConfiguration(
            extraConfig: try String(contentsOfFile: result.serverConfigs[0].path, encoding: .utf8), jetStream: false,
            serverName: result.nodes[0].name, port: port))
        do {
            try await body(server, result)
            await server.shutdown()
        } catch {
            await server.shutdown()
            throw error
        }
    }

    static func options(_ url: String, auth: NATSAuth, inbox: String, tls: NATSTLSOptions? = nil) -> NATSConnectOptions {
        NATSConnectOptions(
            servers: [url], name: "hodei-provision-tests", connectTimeout: .seconds(3), maxReconnect: 0, auth: auth, tls: tls,
            inboxPrefix: inbox)
    }

    static func auth(_ user: UserCredential) -> NATSAuth {
        user.kind == .creds ? .credsFile(path: user.file) : .nkeySeedFile(path: user.file)
    }

    /// Connects as `user`, checks JetStream answers in its account (via $JS.API.INFO when allowed),
    /// and publishes on a granted subject.
    static func expectWorks(_ user: UserCredential, url: String, tls: NATSTLSOptions? = nil) async throws {
        let connection = try await NATSConnection.connect(options(url, auth: auth(user), inbox: user.permissions.inboxPrefix, tls: tls))
        if user.permissions.publishAllow.contains("$JS.API.INFO") || user.permissions.publishAllow.contains("$JS.API.>") {
            let reply = try await connection.request(subject: "$JS.API.INFO", data: [], timeout: .seconds(5))
            let text = String(decoding: reply.data, as: UTF8.self)
            #expect(text.contains("\"type\":\"io.nats.jetstream.api.v1.account_info_response\""), "\(user.address): \(text)")
            #expect(!text.contains("\"error\""), "\(user.address): \(text)")
        }
        if let subject = user.permissions.publishAllow.first(where: { !$0.hasPrefix("$") }) {
            try connection.publish(subject: subject.replacingOccurrences(of: ">", with: "x"), string: "hello")
            try await connection.flush()
        }
        await connection.close()
    }

    static func expectRefused(_ auth: NATSAuth, url: String, inbox: String = "_INBOX", tls: NATSTLSOptions? = nil) async {
        do {
            let connection = try await NATSConnection.connect(options(url, auth: auth, inbox: inbox, tls: tls))
            await connection.close()
            Issue.record("connection accepted")
        } catch {
            // Refused, as it must be.
        }
    }

    @Test func theRenderedDevConfigAcceptsItsUsersAndRefusesOthers() async throws {
        let sandbox = try ProvisionSandbox("dev-server")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(ProfileTexts.dev(port: port))
        try await Self.withServer(sandbox, profile: profile, port: port) { server, result in
        for user in try #require(result.credentials.tenant(named: "dev")).users {
            try await Self.expectWorks(user, url: server.url)
        }
        let stranger = sandbox.path("stranger.nk")
        try (NKeyPair.generate(.user).seed.exposedText + "\n").write(toFile: stranger, atomically: true, encoding: .utf8)
        chmod(stranger, 0o600)
        await Self.expectRefused(.nkeySeedFile(path: stranger), url: server.url)
        await Self.expectRefused(.none, url: server.url)
        }
    }

    @Test func operatorModeWithThreeTenantsLetsEveryUserIn() async throws {
        let sandbox = try ProvisionSandbox("operator-server")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(ProfileTexts.threeTenants(mode: "operator", ports: [port], tls: false, cluster: false))
        try await Self.withServer(sandbox, profile: profile, port: port) { server, result in
        #expect(result.credentials.tenants.count == 3)
        for account in result.credentials.tenants {
            for user in account.users {
                try await Self.expectWorks(user, url: server.url)
            }
        }
        // Creds signed by an account the operator never issued.
        let strangerAccount = NKeyPair.generate(.account)
        let strangerUser = NKeyPair.generate(.user)
        let jwt = try JWTIssuer.issueUser(name: "stranger", userKey: strangerUser.publicKey, accountKey: strangerAccount)
        let store = try SecretStore(directory: URL(fileURLWithPath: sandbox.path("strangers")))
        let path = try store.writeCreds(try CredsFile(jwt: jwt, seed: strangerUser.seed), name: "stranger")
        await Self.expectRefused(.credsFile(path: path), url: server.url)
        }
    }

    @Test func mutualTLSNeedsTheRenderedClientCertificate() async throws {
        let sandbox = try ProvisionSandbox("mtls-server")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(ProfileTexts.threeTenants(mode: "operator", ports: [port], tls: true, cluster: false))
        _ = try CertificateProvisioner(profile: profile).run()
        try await Self.withServer(sandbox, profile: profile, port: port) { _, result in
        let url = "tls://127.0.0.1:\(port)"
        let client = try #require(result.clients.first { $0.settings.tenant == "acme" && $0.settings.user == "worker" })
        let settings = client.settings
        let user = try #require(result.credentials.user(tenant: "acme", user: "worker"))
        try await Self.expectWorks(user, url: url, tls: NATSTLSOptions(
            caFile: settings.tlsCA, certFile: settings.tlsCert, keyFile: settings.tlsKey))
        await Self.expectRefused(Self.auth(user), url: url, inbox: "_INBOX_worker", tls: NATSTLSOptions(caFile: settings.tlsCA))
        await Self.expectRefused(Self.auth(user), url: "nats://127.0.0.1:\(port)", inbox: "_INBOX_worker")
        }
    }
}
