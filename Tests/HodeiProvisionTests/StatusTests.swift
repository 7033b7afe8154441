import Foundation
import HodeiPlan
import HodeiProfile
@testable import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

/// `status` on a real server: an applied profile, consumer backlog, usage percentages, thresholds.
@Suite(.timeLimit(.minutes(2)))
struct StatusTests {
    static let limits = "{ max_mem: 1M, max_file: 10M, max_streams: 5, max_consumers: 10 }"

    /// One server, tenant acme (account ACME with `limits`), the profile (stream S0, max_msgs 100,
    /// consumer c0) applied, and `published` messages in S0.
    func withAppliedProfile(published: Int, _ body: (Profile, StaticTenantConnector, NATSServer) async throws -> Void)
        async throws
    {
        let config = NATSServerConfiguration(extraConfig: FaultSupport.accountsConfig(["acme"], jetStream: Self.limits))
        try await withNATSServer(config) { server in
            let profile = try FaultSupport.profile(FaultSupport.profileText(
                urls: [server.url], tenants: ["acme"], streams: 1, consumers: 1, maxMsgs: 100))
            let connector = FaultSupport.connector([server.url], tenants: ["acme"])
            let (_, report) = await FaultSupport.apply(profile, connector: connector)
            #expect(report.succeeded, "\(report.failures)")
            let connection = try await FaultSupport.connect([server.url], tenant: "acme")
            let js = try connection.jetStream()
            for index in 0..<published {
                _ = try await js.publish(subject: "acme.s0.event", data: Array("event \(index)".utf8))
            }
            await connection.close()
            try await body(profile, connector, server)
        }
    }

    @Test func statusOfAnAppliedProfileShowsFillBacklogAndUsage() async throws {
        try await withAppliedProfile(published: 30) { profile, connector, _ in
            let report = await StatusCheck(profile: profile, connector: connector).run(thresholds: StatusThresholds())
            #expect(report.outcome == .ok, "\(report.findings) \(report.tenants.compactMap(\.error))")
            let tenant = try #require(report.tenants.first)
            #expect(tenant.name == "acme")
            let account = try #require(tenant.account)
            #expect(account.streams == UsageFigure(used: 1, limit: 5))
            #expect(account.consumers == UsageFigure(used: 1, limit: 10))
            #expect(account.storage.limit == 10_000_000)  // the server reads 10M as 10^7
            #expect(account.storage.used > 0)
            #expect(account.memory == UsageFigure(used: 0, limit: 1_000_000))
            let stream = try #require(tenant.streams.first)
            #expect(stream.name == "S0")
            #expect(stream.messages == UsageFigure(used: 30, limit: 100))
            #expect(stream.messages.percent == 30)
            #expect(stream.bytes.limit == nil)
            #expect(stream.replicas.isHealthy, "\(stream.replicas)")
            #expect(stream.consumers == [ConsumerStatus(name: "c0", pending: 30, ackPending: 0, redelivered: 0, waiting: 0)])

            let text = StatusRenderer().render(report)
            #expect(text.contains("Tenant acme"))
            #expect(text.contains("30 / 100 (30%)"))
            #expect(text.hasSuffix("Status: OK"))
            let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
            #expect(json?["outcome"] as? String == "ok")
        }
    }

    @Test func pendingOverTheThresholdExitsTwo() async throws {
        try await withAppliedProfile(published: 30) { profile, connector, _ in
            let check = StatusCheck(profile: profile, connector: connector)
            let over = await check.run(thresholds: StatusThresholds(maxPending: 29))
            #expect(over.outcome == .thresholdExceeded)
            #expect(over.outcome.rawValue == 2)
            #expect(over.findings == [StatusFinding(resource: "acme/S0/c0", check: .pending, message: "30 pending, over 29")])
            #expect(StatusRenderer().render(over).contains("acme/S0/c0: pending: 30 pending, over 29"))
            let atLimit = await check.run(thresholds: StatusThresholds(maxPending: 30))
            #expect(atLimit.outcome == .ok)
        }
    }

    @Test func ackPendingAndRedeliveredCountAfterUnackedFetches() async throws {
        try await withAppliedProfile(published: 10) { profile, connector, server in
            let connection = try await FaultSupport.connect([server.url], tenant: "acme")
            let js = try connection.jetStream()
            let subscription = try await js.bindPull(stream: "S0", consumer: "c0")
            var fetched = 0
            let got = await FaultSupport.eventually(timeout: .seconds(5)) {
                fetched += (try? await subscription.fetch(batch: 4 - fetched, timeout: .seconds(1)).count) ?? 0
                return fetched == 4
            }
            #expect(got)
            let report = await StatusCheck(profile: profile, connector: connector)
                .run(thresholds: StatusThresholds(maxPending: 100, maxAckPending: 3))
            let consumer = try #require(report.tenants.first?.streams.first?.consumers.first)
            #expect(consumer.ackPending == 4)
            #expect(consumer.pending == 6)
            #expect(report.findings.map(\.check) == [.ackPending])
            await connection.close()
        }
    }

    @Test func usagePercentagesTripTheUsageThreshold() async throws {
        try await withAppliedProfile(published: 30) { profile, connector, _ in
            let check = StatusCheck(profile: profile, connector: connector)
            // Stream S0 holds 30 of 100 messages (30 %); the account has 1 of 5 streams (20 %).
            let at25 = await check.run(thresholds: StatusThresholds(maxUsagePercent: 25))
            #expect(at25.findings.map(\.resource) == ["acme/S0"])
            #expect(at25.findings.first?.message.hasPrefix("messages at 30% of its limit (30 of 100)") == true)
            let at15 = await check.run(thresholds: StatusThresholds(maxUsagePercent: 15))
            #expect(Set(at15.findings.map(\.message)).contains { $0.hasPrefix("account streams at 20%") })
            #expect(at15.findings.count == 2)
            let at30 = await check.run(thresholds: StatusThresholds(maxUsagePercent: 30))
            #expect(at30.outcome == .ok)
        }
    }

    @Test func anUnreadableTenantExitsOneAndNamesIt() async throws {
        try await withAppliedProfile(published: 0) { profile, _, server in
            let wrong = StaticTenantConnector(urls: [server.url],
                                              auth: ["acme": .userPassword(user: "acme", password: "wrong")])
            let report = await StatusCheck(profile: profile, connector: wrong).run(thresholds: StatusThresholds(maxPending: 0))
            #expect(report.outcome == .error)
            let error = try #require(report.tenants.first?.error)
            #expect(error.contains("acme"))
            #expect(!error.contains("wrong"))
            #expect(StatusRenderer().render(report).hasSuffix("Status: ERROR: cannot read acme"))
        }
    }

    @Test func statusCommandExitCodes() async throws {
        let binary = BadInputTests.cliBinary()
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the CLI first: swift build")
        try await withNATSServer { server in
            // One tenant, no auth: the CLI connects anonymously, as for a dev server.
            let text = FaultSupport.profileText(urls: [server.url], tenants: ["acme"], streams: 1, consumers: 1, maxMsgs: 100)
            let profile = try FaultSupport.profile(text)
            #expect(await FaultSupport.apply(profile, connector: StaticTenantConnector(urls: [server.url])).report.succeeded)
            let connection = try await FaultSupport.connect([server.url], tenant: nil)
            _ = try await connection.jetStream().publish(subject: "acme.s0.x", data: Array("x".utf8))
            await connection.close()
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString.prefix(8)).profile")
            try text.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }

            let (ok, okErrors) = try BadInputTests.run(binary, ["status", file.path, "--max-pending", "1"])
            #expect(ok == 0, "\(okErrors)")
            let (over, _) = try BadInputTests.run(binary, ["status", file.path, "--max-pending", "0", "--format", "json"])
            #expect(over == 2)
            let (usage, usageErrors) = try BadInputTests.run(binary, ["status", file.path, "--max-usage", "120%"])
            #expect(usage == 64)
            #expect(usageErrors.contains("--max-usage 120%"))
            let (unknown, unknownErrors) = try BadInputTests.run(binary, ["status", file.path, "--target", "globex"])
            #expect(unknown == 1)
            #expect(unknownErrors.contains("globex"))
        }
    }

    // MARK: Pure logic

    @Test(arguments: [
        ("80%", 80.0), ("80", 80), ("72.5%", 72.5), (" 0% ", 0), ("100%", 100),
    ] as [(String, Double)])
    func percentagesParse(_ text: String, _ expected: Double) {
        #expect(StatusThresholds.parsePercent(text) == expected)
    }

    @Test(arguments: ["", "%", "abc", "101%", "-1%", "80%%", "nan", "inf"])
    func nonPercentagesAreRefused(_ text: String) {
        #expect(StatusThresholds.parsePercent(text) == nil)
    }

    @Test(arguments: [
        (UsageFigure(used: 30, limit: 100), 30.0 as Double?),
        (UsageFigure(used: 0, limit: 100), 0),
        (UsageFigure(used: 5, limit: nil), nil),
        (UsageFigure(used: 1, serverLimit: -1), nil),
        (UsageFigure(used: 0, limit: 0), 0),
        (UsageFigure(used: 3, limit: 0), .infinity),
        (UsageFigure(used: 1, limit: 8), 12.5),
    ] as [(UsageFigure, Double?)])
    func usagePercent(_ figure: UsageFigure, _ expected: Double?) {
        #expect(figure.percent == expected)
    }

    @Test func replicaProblemsAreNamed() {
        let healthy = ReplicaHealth(expected: 3, leader: "n1", peers: [
            .init(name: "n2", current: true), .init(name: "n3", current: true),
        ])
        #expect(healthy.isHealthy)
        #expect(healthy.summary == "3/3 ok")
        let degraded = ReplicaHealth(expected: 3, leader: "n1", peers: [
            .init(name: "n2", current: true), .init(name: "n3", current: false, offline: true, lag: 12),
        ])
        #expect(degraded.problems == ["replica n3 offline"])
        #expect(degraded.summary == "2/3: replica n3 offline")
        let leaderless = ReplicaHealth(expected: 3, leader: nil, peers: [.init(name: "n2", current: false, lag: 7)])
        #expect(leaderless.problems == ["no leader", "replica n2 not current (lag 7)", "1 of 3 replicas known"])
    }

    @Test func findingsCoverEveryCheckInOrder() {
        let stream = StreamStatus(
            name: "S", messages: UsageFigure(used: 90, limit: 100), bytes: UsageFigure(used: 1, limit: nil),
            replicas: ReplicaHealth(expected: 3, leader: nil, peers: []),
            consumers: [ConsumerStatus(name: "c", pending: 11, ackPending: 6, redelivered: 2, waiting: 0)])
        let tenant = TenantStatus(
            name: "t",
            account: AccountUsage(memory: UsageFigure(used: 0, limit: 10), storage: UsageFigure(used: 95, limit: 100),
                                  streams: UsageFigure(used: 1, limit: nil), consumers: UsageFigure(used: 1, limit: nil)),
            streams: [stream])
        let all = StatusFinding.findings(in: [tenant], thresholds: StatusThresholds(
            maxPending: 10, maxAckPending: 5, maxRedelivered: 1, maxUsagePercent: 80))
        #expect(all.map(\.check) == [.usage, .usage, .replicas, .pending, .ackPending, .redelivered])
        #expect(all.map(\.resource) == ["t", "t/S", "t/S", "t/S/c", "t/S/c", "t/S/c"])
        let none = StatusFinding.findings(in: [tenant], thresholds: StatusThresholds(checkReplicas: false))
        #expect(none.isEmpty)
    }
}
