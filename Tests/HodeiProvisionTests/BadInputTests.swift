import Foundation
import HodeiPlan
import HodeiProfile
@testable import HodeiProvision
import HodeiTestSupport
import NATSClient
import NATSServerControl
import Synchronization
import Testing

/// Bad input at scale: 10,000 mutated example profiles through validate and plan (no crash, located
/// errors, no request to a server for an invalid profile), and bad server replies (an account
/// without JetStream, a user without API permission, a garbage reply) as typed, named errors.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BadInputTests {
    static let mutants = 10_000
    static let profilesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("profiles")
    static let names = ["dev.profile", "staging.profile", "prod.profile"]
    static let junk = ["[1, 2]", "{ a: 1 }", "yes", "-3", "\"text\"", "12x", "~", "3.5", "unlimited", "''", "99999999999999999999"]

    /// The example profiles with every server URL pointed at `url` (nothing may reach a real host).
    static func sources(url: String) throws -> [String: String] {
        var sources: [String: String] = [:]
        for name in names + ["base.profile"] {
            var text = try String(contentsOf: profilesDirectory.appendingPathComponent(name), encoding: .utf8)
            text = text.replacing(/(nats|tls):\/\/[A-Za-z0-9.\-]+:\d+/, with: { _ in url })
            sources[name] = text
        }
        return sources
    }

    /// 1-3 of: delete a line, swap two lines' values, give a value of the wrong type, add a random key.
    static func mutate(_ text: String, using rng: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...3, using: &rng) where lines.count > 1 {
            let index = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                lines.remove(at: index)
            case 1:
                let other = Int.random(in: 0..<lines.count, using: &rng)
                let a = lines[index].split(separator: ":", maxSplits: 1)
                let b = lines[other].split(separator: ":", maxSplits: 1)
                if a.count == 2, b.count == 2 {
                    lines[index] = "\(a[0]):\(b[1])"
                    lines[other] = "\(b[0]):\(a[1])"
                }
            case 2:
                if let colon = lines[index].firstIndex(of: ":") {
                    lines[index] = String(lines[index][...colon]) + " " + junk.randomElement(using: &rng)!
                }
            default:
                let indent = String(lines[index].prefix { $0 == " " })
                let key = String((0..<Int.random(in: 2...9, using: &rng)).map { _ in "abcdefghijklmnopqrstuvwxyz_".randomElement(using: &rng)! })
                lines.insert("\(indent)\(key): \(junk.randomElement(using: &rng)!)", at: index)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What happened to one mutant.
    enum MutantOutcome: Sendable {
        case valid(Profile, text: String)
        case invalid(loading: Bool, unlocated: [ProfileIssue], errorless: Bool)
    }

    /// Loads and validates one mutant as `validate` does (nothing read from disk or the environment).
    static func check(_ text: String, name: String, sources: [String: String]) -> MutantOutcome {
        let directory = "/tmp/hodei-badinput"
        var files = Dictionary(uniqueKeysWithValues: sources.map { ("\(directory)/\($0.key)", $0.value) })
        files["\(directory)/\(name)"] = text
        let frozen = files
        let loader = ProfileLoader(environment: [:], readFile: { frozen[$0] })
        do {
            let profile = try loader.load(path: "\(directory)/\(name)")
            try ProfileValidator(options: ValidationOptions(readData: { _ in nil })).validate(profile)
            return .valid(profile, text: text)
        } catch let error as ProfileValidationError {
            return .invalid(loading: error.stage == .loading, unlocated: error.errors.filter { $0.location == nil },
                            errorless: error.errors.isEmpty)
        } catch {
            return .invalid(loading: false, unlocated: [], errorless: true)
        }
    }

    @Test func tenThousandMutatedProfilesThroughValidateAndPlan() async throws {
        try await withNATSServer { server in
            let sources = try Self.sources(url: server.url)
            var rng = SeededRandom(state: 0xBAD_1A9E7)
            let mutants = (0..<Self.mutants).map { iteration in
                let name = Self.names[iteration % Self.names.count]
                return (name, Self.mutate(sources[name]!, using: &rng))
            }
            let clock = ContinuousClock()
            let started = clock.now
            // Loading dominates (about 10 ms a profile in a debug build): two workers, in order.
            let outcomes = await withTaskGroup(of: (Int, [MutantOutcome]).self) { group in
                let half = mutants.count / 2
                for (part, range) in [0..<half, half..<mutants.count].enumerated() {
                    group.addTask { (part, range.map { Self.check(mutants[$0].1, name: mutants[$0].0, sources: sources) }) }
                }
                var parts: [Int: [MutantOutcome]] = [:]
                for await (part, outcomes) in group { parts[part] = outcomes }
                return (parts[0] ?? []) + (parts[1] ?? [])
            }
            let checked = clock.now - started
            var invalid = 0, valid = 0, loadStage = 0
            var validProfiles: [Profile] = []
            var seenValid = Set<String>()
            for (iteration, outcome) in outcomes.enumerated() {
                switch outcome {
                case .valid(let profile, let text):
                    valid += 1
                    if seenValid.insert(text).inserted, validProfiles.count < 60 { validProfiles.append(profile) }
                case .invalid(let loading, let unlocated, let errorless):
                    invalid += 1
                    if loading { loadStage += 1 }
                    #expect(!errorless, "iteration \(iteration): invalid without an error")
                    #expect(unlocated.isEmpty, "iteration \(iteration): \(unlocated)")
                }
            }
            #expect(valid + invalid == Self.mutants)
            #expect(invalid > Self.mutants / 2)

            // `plan` of the invalid ones stops at validation (the CLI test below proves it from the
            // server's side); a sample of distinct valid ones is planned against the real server.
            let planStart = clock.now
            for profile in validProfiles {
                let reconciler = Reconciler(
                    profile: profile, connector: StaticTenantConnector(urls: [server.url], connectTimeout: .seconds(2)),
                    requestTimeout: .seconds(2))
                let plan = await reconciler.plan().plan
                await reconciler.close()
                #expect(plan.resources.allSatisfy { $0.action != .error || $0.reason != nil })
            }
            print("bad-input figures: \(Self.mutants) mutants: \(invalid) invalid (\(loadStage) at loading), \(valid) valid; "
                + "checked in \(checked); \(validProfiles.count) distinct valid ones planned in \(clock.now - planStart)")
        }
    }

    /// The `plan` command itself, on invalid mutants written to disk: exit 1, located errors on
    /// stderr, and the server's JetStream API counter for the account does not move.
    @Test func planCommandSendsNothingForInvalidProfiles() async throws {
        let binary = Self.cliBinary()
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the CLI first: swift build")
        try await withNATSServer { server in
            let sources = try Self.sources(url: server.url)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-badinput-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try sources["base.profile"]!.write(to: directory.appendingPathComponent("base.profile"), atomically: true, encoding: .utf8)

            let probe = try await FaultSupport.connect([server.url], tenant: nil)
            let js = try probe.jetStream()
            let before = try Self.apiTotal(await js.apiRequest("INFO"))

            var rng = SeededRandom(state: 0xC11)
            var runs = 0
            var attempts = 0
            while runs < 40, attempts < 400 {
                attempts += 1
                let name = Self.names[attempts % Self.names.count]
                let text = Self.mutate(sources[name]!, using: &rng)
                // Only invalid mutants go to the CLI (a valid one would be planned, as it should).
                let frozen = sources.merging([name: text]) { _, new in new }
                let loader = ProfileLoader(environment: [:], readFile: { frozen[($0 as NSString).lastPathComponent] })
                let isInvalid: Bool
                do {
                    try ProfileValidator().validate(try loader.load(path: name))
                    isInvalid = false
                } catch {
                    isInvalid = true
                }
                guard isInvalid else { continue }
                runs += 1
                let file = directory.appendingPathComponent(name)
                try text.write(to: file, atomically: true, encoding: .utf8)
                let (status, stderr) = try Self.run(binary, ["plan", file.path, "--no-color"])
                #expect(status == 1, "\(stderr)")
                let located = stderr.contains(/:\d+:\d+: error:/)
                #expect(located, "no located error: \(stderr)")
            }
            #expect(runs == 40)
            let after = try Self.apiTotal(await js.apiRequest("INFO"))
            // Our own second INFO is the only request since the first.
            #expect(after == before + 1)
            await probe.close()
        }
    }

    // MARK: Bad server replies

    static let replyConfig = """
        accounts {
          NOJS: { users: [ { user: nojs, password: nojs } ] }
          LOCKED: {
            jetstream: enabled
            users: [ { user: locked, password: locked, permissions: { publish: { deny: ["$JS.API.>"] } } } ]
          }
        }
        """

    static let fakeConfig = """
        accounts {
          FAKE: { users: [ { user: fake, password: fake }, { user: responder, password: responder } ] }
        }
        """

    @Test func accountWithoutJetStreamIsATypedErrorNamingTenantAndAPI() async throws {
        try await withNATSServer(NATSServerConfiguration(extraConfig: Self.replyConfig)) { server in
            let error = try await Self.accountInfoError(server, tenant: "nojs")
            #expect(error.tenant == "nojs")
            #expect(error.api == "INFO")
            switch error.failure {
            case .noResponders: break
            case .api(let api): #expect(api.errCode == 10039, "\(api)")
            default: Issue.record("unexpected failure \(error.failure)")
            }
            #expect(error.description.hasPrefix("nojs: INFO: "))
            #expect(error.description.localizedCaseInsensitiveContains("jetstream"))
            let plan = try await Self.planTenant(server, tenant: "nojs")
            #expect(plan.hasErrors)
            #expect(plan.resources.first?.reason?.contains("nojs: STREAM.LIST") == true, "\(plan.resources)")
        }
    }

    @Test func userWithoutAPIPermissionIsATypedErrorNamingTenantAndAPI() async throws {
        try await withNATSServer(NATSServerConfiguration(extraConfig: Self.replyConfig)) { server in
            let error = try await Self.accountInfoError(server, tenant: "locked")
            #expect(error.tenant == "locked")
            #expect(error.api == "INFO")
            #expect(error.description.hasPrefix("locked: INFO: "))
            print("permission-denied reply: \(error)")
            let status = await StatusCheck(profile: try Self.singleTenantProfile(server, "locked"),
                                           connector: FaultSupport.connector([server.url], tenants: ["locked"]),
                                           requestTimeout: .seconds(2)).run(thresholds: StatusThresholds())
            #expect(status.outcome == .error)
            #expect(status.tenants.first?.error?.hasPrefix("locked: INFO") == true)
        }
    }

    @Test func garbageReplyIsATypedErrorNamingTenantAndAPI() async throws {
        // A server without JetStream: its own "not enabled" answer would otherwise beat the fake one.
        try await withNATSServer(NATSServerConfiguration(extraConfig: Self.fakeConfig, jetStream: false)) { server in
            let responder = try await NATSConnection.connect(NATSConnectOptions(
                servers: [server.url], auth: .userPassword(user: "responder", password: "responder")))
            let subscription = try responder.subscribe(subject: "$JS.API.>")
            try await responder.flush()
            let answering = Task {
                for await message in subscription {
                    if let reply = message.reply { try? responder.publish(subject: reply, data: Array("<html>502 Bad Gateway".utf8)) }
                }
            }
            let error = try await Self.accountInfoError(server, tenant: "fake")
            guard case .invalidResponse(let detail) = error.failure else {
                Issue.record("expected invalidResponse, got \(error.failure)")
                return
            }
            #expect(detail.contains("502 Bad Gateway"))
            #expect(error.description.hasPrefix("fake: INFO: unexpected reply: "))
            let plan = try await Self.planTenant(server, tenant: "fake")
            #expect(plan.hasErrors)
            try? subscription.unsubscribe()
            answering.cancel()
            await responder.close()
        }
    }

    // MARK: Helpers

    static func singleTenantProfile(_ server: NATSServer, _ tenant: String) throws -> Profile {
        try FaultSupport.profile(FaultSupport.profileText(urls: [server.url], tenants: [tenant], streams: 1, consumers: 1))
    }

    static func accountInfoError(_ server: NATSServer, tenant: String) async throws -> JetStreamAdminError {
        let connection = try await FaultSupport.connect([server.url], tenant: tenant)
        let admin = JetStreamAdmin(connection: connection, tenant: tenant, timeout: .seconds(2))
        let result: Result<AccountInfo, JetStreamAdminError>
        do {
            result = .success(try await admin.accountInfo())
        } catch {
            result = .failure(error)
        }
        await connection.close()
        return try #require(result.failure(), "INFO succeeded for tenant \(tenant)")
    }

    static func planTenant(_ server: NATSServer, tenant: String) async throws -> Plan {
        let reconciler = Reconciler(profile: try singleTenantProfile(server, tenant),
                                    connector: FaultSupport.connector([server.url], tenants: [tenant]),
                                    requestTimeout: .seconds(2))
        let plan = await reconciler.plan().plan
        await reconciler.close()
        return plan
    }

    static func apiTotal(_ info: [UInt8]) throws -> Int {
        try JSONDecoder().decode(AccountInfo.self, from: Data(info)).api.total
    }

    /// The CLI next to the test bundle (`.build/<triple>/debug/hodei-provision`).
    static func cliBinary() -> URL {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hodei-provision")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/hodei-provision")
    }

    /// Runs the CLI; returns its exit status and stderr (stdout discarded).
    static func run(_ binary: URL, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension Result {
    func failure() -> Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
