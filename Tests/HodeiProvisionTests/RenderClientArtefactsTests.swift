import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import Testing

@Suite struct RenderClientArtefactsTests {
    /// `KEY=value` lines of an env file (comments skipped, shell quotes removed).
    static func parseEnv(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            var value = String(line[line.index(after: equals)...])
            if value.hasPrefix("'") && value.hasSuffix("'") { value = String(value.dropFirst().dropLast()) }
            result[String(line[..<equals])] = value
        }
        return result
    }

    @Test(arguments: ["accounts", "operator"])
    func everyTenantUserGetsAnEnvFileAndAContext(mode authMode: String) throws {
        let sandbox = try ProvisionSandbox("clients-\(authMode)")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(port: 4333, mode: authMode))
        let result = try EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: ServerBinaries.currentVersion).render()
        #expect(result.clients.map(\.settings.user) == ["auditor", "hodei-admin", "worker"])
        for client in result.clients {
            let user = try #require(result.credentials.user(tenant: client.settings.tenant, user: client.settings.user))
            let envText = try String(contentsOfFile: client.envFile, encoding: .utf8)
            let contextText = try String(contentsOfFile: client.contextFile, encoding: .utf8)
            #expect(!Redaction.containsSecret(envText) && !Redaction.containsSecret(contextText))
            let env = Self.parseEnv(envText)
            #expect(env["HODEI_EVENT_BUS_TYPE"] == "nats")
            #expect(env["HODEI_NATS_URL"] == "nats://127.0.0.1:4333")
            #expect(env["HODEI_NATS_STREAM"] == "HODEI_EVENTS")
            #expect(env["HODEI_NATS_SUBJECT_PREFIX"] == "hodei.events")
            #expect(env["HODEI_NATS_INBOX_PREFIX"] == "_INBOX_\(client.settings.user)")
            if authMode == "operator" {
                #expect(env["HODEI_NATS_CREDS"] == user.file && env["HODEI_NATS_NKEY_SEED_FILE"] == nil)
            } else {
                #expect(env["HODEI_NATS_NKEY_SEED_FILE"] == user.file && env["HODEI_NATS_CREDS"] == nil)
            }
            #expect(client.credentialFile == user.file)
            let context = try #require(try JSONSerialization.jsonObject(with: Data(contextText.utf8)) as? [String: String])
            #expect(context["url"] == "nats://127.0.0.1:4333")
            #expect(context["inbox_prefix"] == "_INBOX_\(client.settings.user)")
            #expect(context[authMode == "operator" ? "creds" : "nkey"] == user.file)
            for key in ["description", "url", "user", "password", "creds", "nkey", "cert", "key", "ca", "inbox_prefix", "jetstream_domain"] {
                #expect(context[key] != nil, "context lacks \(key)")
            }
            for file in [client.envFile, client.contextFile] { #expect(try mode(of: file) == 0o600) }
            #expect(try mode(of: (client.envFile as NSString).deletingLastPathComponent) == 0o700)
        }
        #expect(try mode(of: sandbox.path("out/clients")) == 0o700)
    }

    @Test func aSecondRenderRewritesNothing() throws {
        let sandbox = try ProvisionSandbox("rerender")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(mode: "operator"))
        let renderer = EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: ServerBinaries.currentVersion)
        let first = try renderer.render()
        #expect(!first.written.isEmpty)
        let before = try snapshot(sandbox.root.path)
        let second = try renderer.render()
        #expect(second.written.isEmpty, "\(second.written)")
        let after = try snapshot(sandbox.root.path)
        for (file, (data, date)) in before {
            #expect(after[file]?.0 == data && after[file]?.1 == date, "\(file) changed")
        }
    }

    @Test(arguments: [("plain/path.creds", "plain/path.creds"), ("with space", "'with space'"), ("it's", #"'it'\''s'"#), ("", "''")])
    func envValuesAreShellSafe(value: String, expected: String) {
        #expect(ClientArtefacts.shellValue(value) == expected)
    }

    @Test func tlsSettingsReachTheClient() throws {
        let rendered = try RenderConfigTests.render(.prodLike, version: ServerBinaries.currentVersion)
        defer { rendered.sandbox.remove() }
        let client = try #require(rendered.result.clients.first { $0.settings.tenant == "globex" && $0.settings.user == "worker" })
        let env = Self.parseEnv(try String(contentsOfFile: client.envFile, encoding: .utf8))
        let certificates = CertificateLayout(profile: rendered.profile)
        #expect(env["HODEI_NATS_TLS_CA"] == certificates.ca)
        #expect(env["HODEI_NATS_TLS_CERT"] == certificates.clientCert(tenant: "globex", user: "worker"))
        #expect(env["HODEI_NATS_TLS_KEY"] == certificates.clientKey(tenant: "globex", user: "worker"))
        #expect(env["HODEI_NATS_TLS_SERVER_NAME"] == "localhost")
        #expect(env["HODEI_NATS_URL"]?.hasPrefix("tls://127.0.0.1:") == true)
        #expect(FileManager.default.fileExists(atPath: certificates.clientCert(tenant: "globex", user: "worker")))
    }
}
