import Foundation
import HodeiTestSupport
import HodeiPlan
import HodeiProvision
import HodeiSecurity
import NATSClient
import NATSServerControl
import Testing

@Suite("ProfileTenantConnector")
struct AdminConnectorTests {
    /// The server allows hodei-admin only the JetStream API and its own inbox prefix: connecting and
    /// reading works only with the seed file SecretsLayout names and the `_INBOX_hodei-admin` prefix.
    @Test("accounts mode: connects with the tenant's hodei-admin seed and its inbox prefix")
    func seedFromSecretsLayout() async throws {
        try await withTemporaryDirectory { dir in
            let key = NKeyPair.generate(.user)
            let accounts = """
            accounts {
              ACME: {
                jetstream: enabled
                users: [{
                  nkey: \(key.publicKeyText)
                  permissions: { publish: ["$JS.API.>"], subscribe: ["_INBOX_hodei-admin.>"] }
                }]
              }
            }
            """
            try await withNATSServer(NATSServerConfiguration(extraConfig: accounts)) { server in
                let secrets = dir.appendingPathComponent("secrets")
                let text = TestProfile.acme(url: server.url)
                    .replacingOccurrences(of: "  mode: accounts", with: "  mode: accounts\n  secrets_dir: \(secrets.path)")
                let profile = try TestProfile.load(text)
                let connector = ProfileTenantConnector(profile: profile)
                let seedPath = SecretsLayout(profile: profile).userSeed(tenant: "acme", user: SecretsLayout.adminUser)
                #expect(connector.credentialsPath(tenant: "acme") == seedPath)

                // Before the seed exists: the error names the file and the fix.
                let missing = await #expect(throws: TenantConnectError.self) { try await connector.connect(tenant: "acme") }
                #expect(missing?.description.contains("run `hodei-provision up` or `render` first") == true)
                #expect(missing?.description.contains(seedPath) == true)

                try FileManager.default.createDirectory(
                    atPath: (seedPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(key.seed.exposedText.utf8).write(to: URL(fileURLWithPath: seedPath))
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: seedPath)
                let (planned, report) = try await reconcile(text, apply: true)
                #expect(planned.plan.summary.create == 2)
                #expect(report?.succeeded == true, "\(report?.failures.map(\.description) ?? [])")
            }
        }
    }

    @Test("several tenants without credentials are refused before connecting anonymously")
    func severalTenantsNeedCredentials() async throws {
        let text = TestProfile.text(url: "nats://127.0.0.1:1", tenants: """
              a:
                streams: { S: { subjects: ["a.>"] } }
              b:
                streams: { S: { subjects: ["b.>"] } }
            """)
        let connector = ProfileTenantConnector(profile: try TestProfile.load(text))
        let error = await #expect(throws: TenantConnectError.self) { try await connector.connect(tenant: "a") }
        guard case .missingCredentials = error?.failure else {
            Issue.record("expected missing credentials, got \(String(describing: error))")
            return
        }
    }
}
