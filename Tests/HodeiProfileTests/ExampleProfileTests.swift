import HodeiProfile
import Testing

/// The example profiles in profiles/ are valid and say what the issue asks of them.
struct ExampleProfileTests {
    @Test(arguments: ["base.profile", "dev.profile", "staging.profile", "prod.profile"])
    func examplesAreValid(_ name: String) throws {
        let profile = try Fixtures.loader().load(path: Fixtures.example(name))
        let issues = ProfileValidator().issues(in: profile)
        #expect(!issues.contains { $0.severity == .error }, "\(issues.map(\.description))")
        // The only warnings allowed are TLS files that `certs` has not generated yet.
        #expect(issues.allSatisfy { $0.rule == "tls-file-missing" }, "\(issues.map(\.description))")
    }

    @Test func devIsOneLocalPlaintextServerWithOneTenant() throws {
        let dev = try Fixtures.loader().load(path: Fixtures.example("dev.profile"))
        #expect(dev.servers.urls == ["nats://127.0.0.1:4222"])
        #expect(dev.isPlaintext)
        #expect(dev.auth.mode == .accounts)
        #expect(dev.tenants.map(\.name) == ["dev"])
        #expect(dev.tenants[0].users.map(\.name) == ["admin", "auditor", "orchestrator", "worker"])
        #expect(dev.tenants[0].streams.allSatisfy { $0.replicas == 1 && $0.storage == .file })
        #expect(dev.bus.type == .nats)
        #expect(dev.auth.secretsDir?.written == "../.hodei/dev/secrets")
        let inmemory = try Fixtures.loader(["HODEI_EVENT_BUS_TYPE": "inmemory"]).load(path: Fixtures.example("dev.profile"))
        #expect(inmemory.bus.type == .inmemory)
    }

    @Test func prodIsAClusterWithMutualTLSAndThreeTenants() throws {
        let prod = try Fixtures.loader().load(path: Fixtures.example("prod.profile"))
        #expect(prod.cluster?.nodes.count == 3)
        #expect(prod.tls?.verifyClients == true)
        #expect(prod.auth.mode == .operator)
        #expect(prod.tenants.map(\.name) == ["acme", "globex", "initech"])
        #expect(prod.tenants.allSatisfy { $0.streams.allSatisfy { $0.replicas == 3 } })
    }

    @Test func prodTLSFilesAreErrorsWhenFilesAreChecked() throws {
        let prod = try Fixtures.loader().load(path: Fixtures.example("prod.profile"))
        let issues = ProfileValidator(options: ValidationOptions(checkFiles: true)).issues(in: prod)
        #expect(issues.filter { $0.rule == "tls-file-missing" && $0.severity == .error }.count == 3)
        #expect(throws: ProfileValidationError.self) { try ProfileValidator(options: ValidationOptions(strict: true)).validate(prod) }
    }
}
