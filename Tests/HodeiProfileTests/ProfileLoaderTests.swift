import HodeiProfile
import Testing

struct ProfileLoaderTests {
    static let base = """
    profile: 1
    abstract: true
    servers:
      urls: [nats://a:4222, nats://b:4222]
      connect_timeout: 5s
    defaults:
      limits: { max_streams: 10, max_file: 1GiB }
      streams:
        EVENTS:
          subjects: ["app.>"]
          max_age: 7d
          consumers:
            jobs: { filter: "app.jobs.>", ack_wait: 30s }
    """

    static let child = """
    profile: 1
    environment: dev
    extends: ../shared/base.profile
    servers:
      urls: [nats://c:4222]
    tenants:
      acme:
        limits: { max_streams: 3 }
        users:
          app: { publish: ["app.>"], password: "file:secrets/app.pw" }
        streams:
          EVENTS:
            max_age: 1h30m
      globex:
    """

    let files = InMemoryFiles(files: [
        "envs/dev.profile": child,
        "shared/base.profile": base,
        "envs/secrets/app.pw": "s3cr3t-value\n",
    ])

    @Test func extendsMergesMapsAndReplacesLists() throws {
        let profile = try files.load("envs/dev.profile")
        #expect(profile.servers.urls == ["nats://c:4222"])
        #expect(profile.servers.connectTimeout == 5_000_000_000)
        #expect(profile.sourceFiles == ["envs/dev.profile", "shared/base.profile"])
        #expect(!profile.isAbstract)
    }

    @Test func defaultsReachEveryTenantAndTenantValuesWin() throws {
        let profile = try files.load("envs/dev.profile")
        let acme = try #require(profile.tenant(named: "acme"))
        let globex = try #require(profile.tenant(named: "globex"))
        #expect(acme.limits.maxStreams == 3)
        #expect(acme.limits.maxFile == 1 << 30)
        #expect(acme.stream(named: "EVENTS")?.maxAge == 5_400_000_000_000)
        #expect(acme.stream(named: "EVENTS")?.subjects == ["app.>"])
        #expect(globex.stream(named: "EVENTS")?.maxAge == Int64(604_800_000_000_000))
        #expect(globex.stream(named: "EVENTS")?.consumer(named: "jobs")?.ackWait == 30_000_000_000)
    }

    @Test func locationsPointAtTheWritingFile() throws {
        let profile = try files.load("envs/dev.profile")
        let own = try #require(profile.locations["tenants.acme.streams.EVENTS.max_age"])
        #expect(own == SourceLocation(file: "envs/dev.profile", line: 13, column: 18))
        let inherited = try #require(profile.locations["tenants.globex.streams.EVENTS.max_age"])
        #expect(inherited == SourceLocation(file: "shared/base.profile", line: 11, column: 16))
        #expect(profile.location(of: "tenants.globex.streams.EVENTS.max_msgs") == profile.locations["tenants.globex.streams.EVENTS"])
    }

    @Test func secretsAreReadButNeverShown() throws {
        let profile = try files.load("envs/dev.profile")
        let password = try #require(profile.tenant(named: "acme")?.users.first?.password)
        #expect(password.reveal() == "s3cr3t-value")
        #expect("\(password)" == "<secret from file:secrets/app.pw>")
        #expect(!String(reflecting: password).contains("s3cr3t"))
        var dumped = ""
        dump(password, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
        #expect(!ProfileExplainer.explain(profile).contains("s3cr3t"))
    }

    @Test func variablesExpandWithDefaults() throws {
        let text = """
        profile: 1
        environment: ${ENV_NAME}
        bus: { type: "${BUS:-inmemory}", stream: "$${NOT_A_VAR}" }
        """
        let memory = InMemoryFiles(files: ["p.profile": text])
        let profile = try memory.load("p.profile", environment: ["ENV_NAME": "dev"])
        #expect(profile.environment == "dev")
        #expect(profile.bus.type == .inmemory)
        #expect(profile.bus.stream == "${NOT_A_VAR}")
        let other = try memory.load("p.profile", environment: ["ENV_NAME": "dev", "BUS": "nats"])
        #expect(other.bus.type == .nats)
    }

    @Test func unsetVariableNamesItAndItsLocation() throws {
        let memory = InMemoryFiles(files: ["p.profile": "profile: 1\nenvironment: ${ENV_NAME}\n"])
        let issue = try #require(memory.loadingIssues("p.profile").first)
        #expect(issue.message == "environment variable ENV_NAME is not set and has no default")
        #expect(issue.location == SourceLocation(file: "p.profile", line: 2, column: 14))
        #expect(issue.keyPath == "environment")
    }

    @Test func collectsEveryLoadingProblemSorted() throws {
        let text = """
        profile: 1
        environment: dev
        tenants:
          t:
            streams:
              S: { subjects: [a], max_age: forever, storage: disk, replicass: 1 }
        servers: { conect_timeout: 1s }
        """
        let issues = InMemoryFiles(files: ["p.profile": text]).loadingIssues("p.profile")
        #expect(issues.map(\.rule) == ["invalid-duration", "invalid-choice", "unknown-key", "unknown-key"])
        #expect(issues == issues.sorted())
        #expect(issues.last?.message == "unknown key 'conect_timeout'; did you mean 'connect_timeout'?")
    }

    @Test func nullRemovesAnInheritedKey() throws {
        let memory = InMemoryFiles(files: [
            "base.profile": "profile: 1\nabstract: true\ntls: { allow_plaintext: true }\n",
            "dev.profile": "profile: 1\nenvironment: dev\nextends: base.profile\ntls: null\n",
        ])
        #expect(try memory.load("dev.profile").tls == nil)
    }

    @Test func explicitlyAbstractIsNotInherited() throws {
        let memory = InMemoryFiles(files: [
            "base.profile": "profile: 1\nabstract: true\n",
            "dev.profile": "profile: 1\nenvironment: dev\nextends: base.profile\n",
        ])
        let profile = try memory.load("dev.profile")
        #expect(!profile.isAbstract)
        #expect(profile.servers.urls == ["nats://127.0.0.1:4222"])
    }
}
