import Foundation
import HodeiBus
import HodeiProfile
import HodeiProvision
import Testing

@Suite struct RenderBusFactoryTests {
    @Test func anInMemoryProfileGivesAnInMemoryBus() async throws {
        let sandbox = try ProvisionSandbox("factory-inmemory")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev().replacingOccurrences(of: "type: nats", with: "type: inmemory"))
        let bus = try await EventBusFactory.create(profile: profile, tenant: "dev", user: "worker")
        #expect(bus is InMemoryBus)
        let config = try EventBusFactory.config(profile: profile, tenant: "dev", user: "worker")
        #expect(config.backend == .inMemory && config.capacity == 100)
    }

    @Test(arguments: ["accounts", "operator"])
    func aNatsProfileGivesTheUsersConnectionSettings(mode authMode: String) throws {
        let sandbox = try ProvisionSandbox("factory-nats")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(port: 4444, mode: authMode))
        let credentials = try CredentialBootstrap(profile: profile).run()
        let worker = try #require(credentials.user(tenant: "dev", user: "worker"))
        let config = try EventBusFactory.config(profile: profile, tenant: "dev", user: "worker")
        #expect(config.backend == .nats)
        #expect(config.capacity == 100)
        #expect(config.subjectPrefix == "hodei.events")
        #expect(config.nats.servers == ["nats://127.0.0.1:4444"])
        #expect(config.nats.stream == "HODEI_EVENTS")
        #expect(config.nats.inboxPrefix == "_INBOX_worker")
        #expect(config.nats.tls == nil)
        #expect(config.nats.auth == (authMode == "operator" ? .credentials(path: worker.file) : .nkeySeedFile(path: worker.file)))
    }

    /// A tenant whose events stream is not called `bus.stream` (here EV_globex, `hodei.events.>`)
    /// gets that stream, not a name its account does not have.
    @Test func theTenantsEventsStreamIsTheOneCoveringTheBusSubjects() throws {
        let sandbox = try ProvisionSandbox("factory-stream")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(LiveTenants.profile(mode: "accounts", port: 4444))
        _ = try CredentialBootstrap(profile: profile).run()
        for tenant in ["acme", "globex"] {
            #expect(try EventBusFactory.config(profile: profile, tenant: tenant, user: "worker").nats.stream == "EV_\(tenant)")
        }
    }

    /// The env file written by render and the factory describe the same bus.
    @Test func theEnvFileReadsBackAsTheFactorysConfig() throws {
        let sandbox = try ProvisionSandbox("factory-env")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(mode: "operator"))
        let result = try EnvironmentRenderer(profile: profile, outDirectory: sandbox.path("out"), version: ServerBinaries.currentVersion).render()
        let client = try #require(result.clients.first { $0.settings.user == "worker" })
        let environment = RenderClientArtefactsTests.parseEnv(try String(contentsOfFile: client.envFile, encoding: .utf8))
        let fromEnvironment = try EventBusConfig.fromEnvironment(environment)
        let fromFactory = try EventBusFactory.config(profile: profile, tenant: "dev", user: "worker")
        #expect(fromEnvironment == fromFactory)
        #expect(fromFactory.nats.timeout == .seconds(5))
    }

    @Test(arguments: [("dev", "nobody"), ("nobody", "worker")])
    func unknownOrUnprovisionedUsersAreErrors(tenant: String, user: String) throws {
        let sandbox = try ProvisionSandbox("factory-missing")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev())
        #expect(throws: RenderError.self) { try EventBusFactory.config(profile: profile, tenant: tenant, user: user) }
        // Not provisioned yet: the factory never creates credentials.
        #expect(throws: RenderError.self) { try EventBusFactory.config(profile: profile, tenant: "dev", user: "worker") }
    }
}
