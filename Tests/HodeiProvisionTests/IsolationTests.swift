import Foundation
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

/// Three tenants in one real server, configured by what this tool renders and applies: nothing
/// crosses from one tenant to another (every ordered pair), and roles are no wider than granted.
///
/// "Not delivered" is shown without sleeping: after the forbidden message, a sentinel is sent on a
/// path that is allowed; the server handles both in order, so a subscriber whose FIRST message
/// is the sentinel never got the forbidden one.
@Suite(.serialized) struct IsolationTests {
    typealias Users = [String: [String: UserCredential]]

    static func users(_ credentials: CredentialSet) -> Users {
        var users: Users = [:]
        for account in credentials.tenants {
            for user in account.users { users[account.name, default: [:]][user.name] = user }
        }
        return users
    }

    /// Renders, starts the server, applies the streams (as `up` does), runs `body`.
    static func withTenants(mode: String, _ body: (String, Users) async throws -> Void) async throws {
        let sandbox = try ProvisionSandbox("isolation-\(mode)")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(LiveTenants.profile(mode: mode, port: port))
        try await RenderServerTests.withServer(sandbox, profile: profile, port: port) { server, result in
            let applied = try await ReconcilingApplyStep().apply(profile: profile, urls: [server.url], credentials: result.credentials)
            #expect(applied.contains { $0.contains("EV_acme") }, "\(applied)")
            try await body(server.url, users(result.credentials))
        }
    }

    static let pairs: [(String, String)] = LiveTenants.names.flatMap { a in
        LiveTenants.names.filter { $0 != a }.map { (a, $0) }
    }

    @Test(arguments: ["operator", "accounts"])
    func noMessageCrossesTenantsInAnyDirection(mode: String) async throws {
        try await Self.withTenants(mode: mode) { url, users in
            for (a, b) in Self.pairs {
                let publisher = try await LiveTenants.connect(try #require(users[a]?["worker"]), url: url)
                let ownAuditor = try await LiveTenants.connect(try #require(users[a]?["auditor"]), url: url)
                let otherAuditor = try await LiveTenants.connect(try #require(users[b]?["auditor"]), url: url)
                let otherWorker = try await LiveTenants.connect(try #require(users[b]?["worker"]), url: url)
                let own = try ownAuditor.subscribe(subject: "hodei.events.>")
                let other = try otherAuditor.subscribe(subject: "hodei.events.>")
                // Also try the JetStream delivery side: a plain subscription cannot reach B's stream.
                try await ownAuditor.flush()
                try await otherAuditor.flush()

                try publisher.publish(subject: "hodei.events.worker.crossing", string: "from \(a)")
                try await publisher.flush()
                try otherWorker.publish(subject: "hodei.events.worker.sentinel", string: "sentinel of \(b)")
                try await otherWorker.flush()

                let control = await LiveTenants.first(own)
                #expect(control?.string == "from \(a)", "\(a)'s own auditor did not see \(a)'s message (the check proves nothing)")
                let seen = await LiveTenants.first(other)
                #expect(seen?.string == "sentinel of \(b)", "\(b)'s subscriber saw \(seen?.string ?? "nothing") before its sentinel: \(a) → \(b) crossed")
                for connection in [publisher, ownAuditor, otherAuditor, otherWorker] { await connection.close() }
            }
        }
    }

    @Test(arguments: ["operator", "accounts"])
    func noTenantReadsOrManagesAnotherTenantsStream(mode: String) async throws {
        try await Self.withTenants(mode: mode) { url, users in
            // Each tenant stores one message its own admin can read back.
            for name in LiveTenants.names {
                let worker = try await LiveTenants.connect(try #require(users[name]?["worker"]), url: url)
                let ack = try await worker.jetStream().publish(subject: "hodei.events.worker.secret", data: Array("\(name) data".utf8))
                #expect(ack.stream == "EV_\(name)")
                await worker.close()
            }
            for (a, b) in Self.pairs {
                // A's admin has the whole JetStream API of A: its most privileged identity.
                let admin = try await LiveTenants.connect(try #require(users[a]?["hodei-admin"]), url: url)
                let js = try admin.jetStream()
                let names = String(decoding: try await js.apiRequest("STREAM.NAMES"), as: UTF8.self)
                #expect(names.contains("EV_\(a)") && !names.contains("EV_\(b)"), "\(a) lists \(names)")
                for api in ["STREAM.INFO.EV_\(b)", "STREAM.MSG.GET.EV_\(b)", "CONSUMER.INFO.EV_\(b).jobs",
                            "STREAM.PURGE.EV_\(b)", "CONSUMER.DELETE.EV_\(b).jobs", "STREAM.DELETE.EV_\(b)"] {
                    let body = api.hasPrefix("STREAM.MSG.GET") ? Array(#"{"seq":1}"#.utf8) : []
                    do {
                        let reply = try await js.apiRequest(api, body: body)
                        Issue.record("\(a) called \(api) of \(b): \(String(decoding: reply, as: UTF8.self))")
                    } catch let error as NATSError {
                        #expect(error.kind == .jetStream, "\(a) \(api): \(error)")
                        #expect(error.description.contains("not found"), "\(a) \(api): \(error)")
                    }
                }
                await admin.close()
            }
            // Every stream still holds its own message: nothing above reached it.
            for name in LiveTenants.names {
                let admin = try await LiveTenants.connect(try #require(users[name]?["hodei-admin"]), url: url)
                let info = String(decoding: try await admin.jetStream().apiRequest("STREAM.INFO.EV_\(name)"), as: UTF8.self)
                #expect(info.contains(#""messages":1"#), "\(name): \(info)")
                await admin.close()
            }
        }
    }

    @Test(arguments: ["operator", "accounts"])
    func rolesAreNoWiderThanGranted(mode: String) async throws {
        try await Self.withTenants(mode: mode) { url, users in
            let tenant = "acme"
            let worker = try await LiveTenants.connect(try #require(users[tenant]?["worker"]), url: url)
            let auditor = try await LiveTenants.connect(try #require(users[tenant]?["auditor"]), url: url)
            let everything = try auditor.subscribe(subject: "hodei.events.>")
            try await auditor.flush()
            // The worker may not publish job.created; its own worker.> subjects are the sentinel.
            try worker.publish(subject: "hodei.events.job.created", string: "forged job")
            try worker.publish(subject: "hodei.events.worker.sentinel", string: "sentinel")
            try await worker.flush()
            let first = await LiveTenants.first(everything)
            #expect(first?.string == "sentinel", "the worker published job.created: \(first?.string ?? "nothing")")

            // Consume-only: it may fetch from its consumer, but neither delete it nor create one.
            let js = try worker.jetStream()
            _ = try await js.bindPull(stream: "EV_\(tenant)", consumer: "jobs")
            for api in ["CONSUMER.DELETE.EV_\(tenant).jobs", "CONSUMER.CREATE.EV_\(tenant).rogue", "CONSUMER.DURABLE.CREATE.EV_\(tenant).rogue",
                        "STREAM.DELETE.EV_\(tenant)"] {
                let body = api.contains("CREATE") ? Array(#"{"stream_name":"EV_acme","config":{"durable_name":"rogue","ack_policy":"explicit"}}"#.utf8) : []
                do {
                    _ = try await js.apiRequest(api, body: body, timeout: .seconds(2))
                    Issue.record("the worker called \(api)")
                } catch let error as NATSError {
                    // Denied publishes get no answer: the request times out (or has no responders).
                    #expect([.timeout, .noResponders].contains(error.kind), "\(api): \(error)")
                }
            }
            let admin = try await LiveTenants.connect(try #require(users[tenant]?["hodei-admin"]), url: url)
            let consumers = String(decoding: try await admin.jetStream().apiRequest("CONSUMER.NAMES.EV_\(tenant)"), as: UTF8.self)
            #expect(consumers.contains(#""jobs""#) && !consumers.contains("rogue"), "\(consumers)")
            // The orchestrator, granted job.>, does reach the auditor.
            let orchestrator = try await LiveTenants.connect(try #require(users[tenant]?["orchestrator"]), url: url)
            let again = try auditor.subscribe(subject: "hodei.events.job.>")
            try await auditor.flush()
            try orchestrator.publish(subject: "hodei.events.job.created", string: "real job")
            try await orchestrator.flush()
            #expect(await LiveTenants.first(again)?.string == "real job")
            for connection in [worker, auditor, admin, orchestrator] { await connection.close() }
        }
    }
}
