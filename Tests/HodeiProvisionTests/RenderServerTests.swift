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

    /// nats-py (an independent client) with the rendered settings: creds or nkey seed file and
    /// the user's inbox prefix, then a JetStream account info request.
    static let pythonClient = """
        import asyncio, sys, nats
        async def main():
            url, kind, path, inbox = sys.argv[1:5]
            auth = {"user_credentials": path} if kind == "creds" else {"nkeys_seed": path}
            nc = await nats.connect(url, inbox_prefix=inbox.encode(), allow_reconnect=False, connect_timeout=3, **auth)
            reply = await nc.request("$JS.API.INFO", b"", timeout=5)
            assert b"account_info_response" in reply.data and b'"error"' not in reply.data, reply.data
            await nc.close()
            print("ok")
        asyncio.run(main())
        """

    @Test(arguments: ["accounts", "operator"])
    func natsPyConnectsWithTheRenderedSettings(mode authMode: String) async throws {
        let sandbox = try ProvisionSandbox("natspy-\(authMode)")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(ProfileTexts.dev(port: port, mode: authMode))
        try await Self.withServer(sandbox, profile: profile, port: port) { server, result in
            let admin = try #require(result.credentials.user(tenant: "dev", user: SecretsLayout.adminUser))
            let run = try await runProcess("/usr/bin/env", [
                "python3", "-c", Self.pythonClient, server.url, admin.kind == .creds ? "creds" : "nkey", admin.file,
                admin.permissions.inboxPrefix,
            ])
            #expect(run.status == 0 && run.stdout.contains("ok"), "\(run.stdout) \(run.stderr)")
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

/// The prod-like render (operator mode, mutual TLS, 3-node cluster) run as three real servers.
@Suite(.serialized) struct RenderClusterTests {
    @Test func theRenderedClusterElectsALeaderAndServesMutualTLSUsers() async throws {
        let sandbox = try ProvisionSandbox("cluster")
        defer { sandbox.remove() }
        let clientPorts = try (0..<3).map { _ in try FreePort.next() }
        let clusterPorts = try (0..<3).map { _ in try FreePort.next() }
        let profile = try sandbox.profile(ProfileTexts.threeTenants(mode: "operator", ports: clientPorts, tls: true, cluster: true))
        _ = try CertificateProvisioner(profile: profile).run()
        var renderer = EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: ServerBinaries.currentVersion)
        renderer.nodes = ServerTopology.loopback(profile, clientPorts: clientPorts, clusterPorts: clusterPorts, storeRoot: sandbox.path("out"))
        let result = try renderer.render()
        var servers: [NATSServer] = []
        do {
            for (index, config) in result.serverConfigs.enumerated() {
                servers.append(try await NATSServer.start(NATSServerConfiguration(
                    extraConfig: try String(contentsOfFile: config.path, encoding: .utf8), jetStream: false,
                    serverName: config.node, port: clientPorts[index])))
            }
            // Every node logs the election: the leader "Self is new JetStream cluster metadata leader",
            // the others "JetStream cluster new metadata leader: <node>".
            for server in servers {
                let elected = await server.waitForLog("metadata leader", timeout: .seconds(20))
                #expect(elected, "no JetStream meta leader seen by \(server.url): \(server.logTail(5))")
            }
            // The election needs routes, and they run over TLS: a plaintext peer on a route port gets no
            // INFO (the server waits for a TLS handshake) and is dropped as a failed TLS route handshake.
            let greeting = try RouteInfoProbe.firstLine(port: clusterPorts[0], timeout: .seconds(10))
            #expect(greeting.isEmpty, "a route port answered a plaintext peer: \(greeting)")
            let refused = await servers[0].waitForLog("TLS route handshake error", timeout: .seconds(10))
            #expect(refused, "no TLS route handshake error logged: \(servers[0].logTail(5))")
            let user = try #require(result.credentials.user(tenant: "initech", user: "worker"))
            let client = try #require(result.clients.first { $0.settings.tenant == "initech" && $0.settings.user == "worker" })
            #expect(client.settings.urls == clientPorts.map { "tls://127.0.0.1:\($0)" })
            let tls = NATSTLSOptions(caFile: client.settings.tlsCA, certFile: client.settings.tlsCert, keyFile: client.settings.tlsKey)
            try await RenderServerTests.expectWorks(user, url: client.settings.urls[2], tls: tls)
            await RenderServerTests.expectRefused(RenderServerTests.auth(user), url: client.settings.urls[1], inbox: "_INBOX_worker")
        } catch {
            for server in servers { await server.shutdown() }
            throw error
        }
        for server in servers { await server.shutdown() }
    }
}
