import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import Testing

/// Rendered server configs: content (pure) and `nats-server -t` on both server versions.
@Suite struct RenderConfigTests {
    enum Variant: String, CaseIterable, Sendable {
        /// accounts mode, plaintext, one node.
        case dev
        /// operator mode, mutual TLS, 3-node cluster, 3 tenants.
        case prodLike
        /// accounts mode with mutual TLS, 3 tenants, one node.
        case accountsTLS
        /// operator mode, plaintext, 3 tenants.
        case operatorPlain
    }

    struct Rendered {
        let sandbox: ProvisionSandbox
        let profile: Profile
        let result: EnvironmentRenderer.Result
        var configs: [String] { result.serverConfigs.map(\.path) }
    }

    static func render(_ variant: Variant, version: ServerVersion, ports: [Int] = [14222, 14223, 14224]) throws -> Rendered {
        let sandbox = try ProvisionSandbox("render-\(variant.rawValue)")
        let text: String
        switch variant {
        case .dev: text = ProfileTexts.dev(port: ports[0])
        case .prodLike: text = ProfileTexts.threeTenants(mode: "operator", ports: ports, tls: true, cluster: true)
        case .accountsTLS: text = ProfileTexts.threeTenants(mode: "accounts", ports: [ports[0]], tls: true, cluster: false)
        case .operatorPlain: text = ProfileTexts.threeTenants(mode: "operator", ports: [ports[0]], tls: false, cluster: false)
        }
        do {
            let profile = try sandbox.profile(text)
            if profile.tls != nil {
                _ = try CertificateProvisioner(profile: profile).run()
            }
            var renderer = EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: version)
            if profile.cluster != nil {
                renderer.nodes = ServerTopology.loopback(
                    profile, clientPorts: ports, clusterPorts: ports.map { $0 + 1000 }, monitorPorts: ports.map { $0 + 2000 },
                    storeRoot: sandbox.path("out"))
            }
            return Rendered(sandbox: sandbox, profile: profile, result: try renderer.render())
        } catch {
            sandbox.remove()
            throw error
        }
    }

    static let matrix: [(Variant, String)] = Variant.allCases.flatMap { [($0, "current"), ($0, "old")] }

    @Test(arguments: matrix)
    func everyVariantPassesTheServersConfigCheck(variant: Variant, server: String) async throws {
        let binary = try #require(server == "current" ? ServerBinaries.current : ServerBinaries.old, "no \(server) nats-server")
        let version = server == "current" ? ServerBinaries.currentVersion : ServerBinaries.oldVersion
        let rendered = try Self.render(variant, version: version)
        defer { rendered.sandbox.remove() }
        #expect(rendered.configs.count == (variant == .prodLike ? 3 : 1))
        for config in rendered.configs {
            let check = try await runProcess(binary, ["-t", "-c", config])
            let text = try String(contentsOfFile: config, encoding: .utf8)
            #expect(check.status == 0, "\(variant) on \(version): \(check.stdout) \(check.stderr)\n\(text)")
            #expect(try mode(of: config) == 0o600)
            // JWTs are public (operator mode preloads them); seeds and private keys must not appear.
            let withoutJWTs = text.replacingOccurrences(of: #"eyJ[A-Za-z0-9_.-]+"#, with: "", options: .regularExpression)
            #expect(!Redaction.containsSecret(withoutJWTs))
        }
    }

    @Test func theConfigCheckRejectsAKeyTheOldServerLacks() async throws {
        let binary = try #require(ServerBinaries.old, "no old nats-server")
        // Rendered for 2.15.1 (with tls.min_version), checked by 2.9.10: must fail, proving the gate matters.
        let rendered = try Self.render(.accountsTLS, version: ServerBinaries.currentVersion)
        defer { rendered.sandbox.remove() }
        let text = try String(contentsOfFile: rendered.configs[0], encoding: .utf8)
        #expect(text.contains("min_version"))
        let check = try await runProcess(binary, ["-t", "-c", rendered.configs[0]])
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("min_version"))
    }

    @Test func accountsModeListsEveryUserWithItsPermissions() throws {
        let rendered = try Self.render(.dev, version: ServerBinaries.oldVersion)
        defer { rendered.sandbox.remove() }
        let text = try String(contentsOfFile: rendered.configs[0], encoding: .utf8)
        let dev = try #require(rendered.result.credentials.tenant(named: "dev"))
        for user in dev.users + rendered.result.credentials.systemAccount.users {
            #expect(text.contains("nkey: \"\(user.publicKey)\""), "\(user.address)")
        }
        #expect(text.contains(#"subscribe: { allow: ["_INBOX_worker.>"] }"#))
        #expect(text.contains(#"publish: { deny: [">"] }"#), "the subscribe-only auditor may publish nothing")
        #expect(text.contains(#"publish: { allow: ["$JS.API.>", "$KV.hodei_provision.>"] }"#))
        #expect(text.contains("system_account: \"SYS\""))
        #expect(text.contains("max_streams: 5"))
        #expect(text.contains("max_connections: 50"))
        #expect(!text.contains("min_version"))
        #expect(!text.contains("cluster {"))
        #expect(text.contains("listen: \"127.0.0.1:14222\""))
    }

    @Test func clusterRoutesUseTheServerCertificatesWithMutualVerification() throws {
        let rendered = try Self.render(.prodLike, version: ServerBinaries.currentVersion)
        defer { rendered.sandbox.remove() }
        for config in rendered.configs {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            let cluster = try #require(text.range(of: "cluster {").map { String(text[$0.lowerBound...]) }, "\(config) has no cluster block")
            let routeTLS = try #require(cluster.range(of: "tls {").map { String(cluster[$0.lowerBound...]) }, "routes of \(config) are plaintext")
            #expect(routeTLS.contains("cert_file: ") && routeTLS.contains("key_file: ") && routeTLS.contains("ca_file: "))
            #expect(routeTLS.contains("verify: true"))
        }
    }

    @Test func operatorModePreloadsEveryAccount() throws {
        let rendered = try Self.render(.prodLike, version: ServerBinaries.currentVersion)
        defer { rendered.sandbox.remove() }
        let credentials = rendered.result.credentials
        for config in rendered.configs {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            #expect(text.contains("resolver: MEMORY"))
            #expect(text.contains("system_account: \(credentials.systemAccount.publicKey ?? "?")"))
            for account in credentials.tenants + [credentials.systemAccount] {
                #expect(text.contains("\(account.publicKey ?? "?"): \(account.jwt ?? "?")"))
            }
            #expect(!text.contains("accounts {"))
            #expect(text.contains("verify: true"))
            #expect(text.contains("min_version: \"1.2\""))
            #expect(text.contains("routes: [\"nats-route://127.0.0.1:"))
        }
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("with space", "\"with space\""), ("q\"uote", #""q\"uote""#), (#"back\slash"#, #""back\\slash""#),
        ("$JS.API.>", "\"$JS.API.>\""), ("line\nbreak", #""line\nbreak""#),
    ])
    func stringsAreQuotedSafely(input: String, expected: String) {
        #expect(ServerConfigRenderer.quoted(input) == expected)
    }

    @Test(arguments: [(ServerVersion(2, 9, 10), false), (ServerVersion(2, 10, 0), false), (ServerVersion(2, 11, 0), true), (ServerVersion(2, 15, 1), true)])
    func tlsMinVersionOnlyWhereTheServerHasIt(version: ServerVersion, supported: Bool) {
        #expect(ServerConfigKey.tlsMinVersion.isSupported(by: version) == supported)
    }

    @Test func topologyFromTheProfileListensOnEveryInterfaceForRemoteHosts() throws {
        let sandbox = try ProvisionSandbox("topology")
        defer { sandbox.remove() }
        let text = ProfileTexts.threeTenants(mode: "operator", ports: [4222, 4222, 4222], tls: false, cluster: true)
            .replacingOccurrences(of: "servers: {urls: [nats://127.0.0.1:4222, nats://127.0.0.1:4222, nats://127.0.0.1:4222]}",
                                  with: "servers: {urls: [nats://a.example:4222, nats://b.example:4222, nats://c.example:4222]}")
        let profile = try sandbox.profile(text)
        let nodes = ServerTopology.fromProfile(profile, storeRoot: "/data")
        #expect(nodes.map(\.name) == ["n1", "n2", "n3"])
        #expect(nodes.allSatisfy { $0.host == "0.0.0.0" && $0.port == 4222 })
        #expect(nodes[0].cluster?.routes == ["nats-route://b.example:6222", "nats-route://c.example:6222"])
        #expect(nodes[1].storeDirectory == "/data/n2/jetstream")
    }
}
