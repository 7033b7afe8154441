import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl
import Synchronization
import Testing

/// Profiles written inline for a test server (no auth: one tenant, anonymous).
enum TestProfile {
    /// `tenants` is the YAML under `tenants:` indented by two spaces.
    static func text(url: String, environment: String = "test", tenants: String) -> String {
        """
        profile: 1
        environment: \(environment)
        servers:
          urls: [\(url)]
          connect_timeout: 5s
        tls:
          allow_plaintext: true
        auth:
          mode: accounts
        tenants:
        """ + "\n" + tenants + "\n"
    }

    /// One tenant `acme` with stream `EVENTS` (subjects events.>) and consumer `workers`; `stream` and
    /// `consumer` are extra `key: value` lines for each; `extraStreams` maps more stream names to their lines.
    static func acme(
        url: String, stream: [String] = [], consumer: [String] = [], extraStreams: KeyValuePairs<String, [String]> = [:]
    ) -> String {
        var lines = ["  acme:", "    streams:", "      EVENTS:"]
        lines += (["subjects: [\"events.>\"]", "storage: file"] + stream).map { "        " + $0 }
        lines += ["        consumers:", "          workers:"]
        lines += (["filter: \"events.job.>\"", "ack: explicit"] + consumer).map { "            " + $0 }
        for (name, body) in extraStreams {
            lines.append("      \(name):")
            lines += body.map { "        " + $0 }
        }
        return text(url: url, tenants: lines.joined(separator: "\n"))
    }

    static func load(_ text: String) throws -> Profile {
        try ProfileLoader(environment: [:]).load(text: text, file: "/tmp/hodei-test.profile")
    }
}

/// Counts the JetStream API calls a server saw in one account, from its API audit advisories
/// (`$JS.EVENT.ADVISORY.API`): the server's own record of what was sent, independent of the client.
final class APIAudit: Sendable {
    private let store = SubjectStore()
    private let subscription: NATSSubscription
    private let connection: NATSConnection
    private let reader: Task<Void, Never>

    init(url: String) async throws {
        connection = try await NATSConnection.connect(NATSConnectOptions(servers: [url]))
        let subscription = try connection.subscribe(subject: "$JS.EVENT.ADVISORY.API")
        self.subscription = subscription
        let store = self.store
        reader = Task {
            for await message in subscription {
                struct Advisory: Decodable { var subject: String? }
                if let advisory = try? JSONDecoder().decode(Advisory.self, from: Data(message.data)),
                   let subject = advisory.subject {
                    store.subjects.withLock { $0.append(subject) }
                }
            }
        }
        try await connection.flush()
    }

    /// Sends a harmless marker request and waits (bounded) until its advisory arrives: every API
    /// call sent before it has then been recorded.
    func settle() async throws {
        let marker = "AUDIT_MARK_\(UInt32.random(in: 0...UInt32.max))"
        _ = try? await connection.request(subject: "$JS.API.STREAM.INFO.\(marker)", data: [])
        let deadline = ContinuousClock.now + .seconds(10)
        while !store.subjects.withLock({ $0.contains { $0.hasSuffix(marker) } }) {
            guard ContinuousClock.now < deadline else { throw AuditTimeout() }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    struct AuditTimeout: Error {}

    /// Every mutating API subject seen so far (create/update/delete of streams and consumers).
    var mutating: [String] {
        store.subjects.withLock { list in
            list.filter { subject in
                ["STREAM.CREATE.", "STREAM.UPDATE.", "STREAM.DELETE.", "STREAM.PURGE.", "CONSUMER.CREATE.",
                 "CONSUMER.DURABLE.CREATE.", "CONSUMER.DELETE."].contains { subject.contains("$JS.API." + $0) }
            }
        }
    }

    func reset() { store.subjects.withLock { $0.removeAll() } }

    func close() async {
        reader.cancel()
        await connection.close()
    }
}

private final class SubjectStore: Sendable {
    let subjects = Mutex<[String]>([])
}

/// A server plus a connection for checking the live state from the test's side.
struct Live {
    let server: NATSServer
    let connection: NATSConnection
    var admin: JetStreamAdmin { JetStreamAdmin(connection: connection, tenant: "acme") }

    static func with<T>(
        binary: NATSServerBinary? = nil, extraConfig: String = "", _ body: (Live) async throws -> T
    ) async throws -> T {
        try await withNATSServer(NATSServerConfiguration(binary: binary, extraConfig: extraConfig)) { server in
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            do {
                let result = try await body(Live(server: server, connection: connection))
                await connection.close()
                return result
            } catch {
                await connection.close()
                throw error
            }
        }
    }

    func publish(_ count: Int, subject: String = "events.job.x") async throws {
        let js = try connection.jetStream()
        for index in 0..<count {
            _ = try await js.publish(subject: subject, data: Array("m\(index)".utf8))
        }
    }

    func messages(_ stream: String) async throws -> UInt64 {
        try #require(try await admin.streamInfo(stream)).state.messages
    }
}

/// Plans (and optionally applies) a profile text against a server; closes its connections.
func reconcile(
    _ text: String, options: PlanOptions = PlanOptions(), apply: Bool = false
) async throws -> (Reconciler.Planned, ApplyReport?) {
    let reconciler = Reconciler(profile: try TestProfile.load(text))
    let planned = await reconciler.plan(options: options)
    var report: ApplyReport?
    if apply { report = await reconciler.apply(planned.plan) }
    await reconciler.close()
    return (planned, report)
}

func resource(_ plan: HodeiPlan.Plan, _ address: String) -> PlannedResource? {
    plan.resources.first { $0.address.description == address }
}

/// The old server (2.9.10); when it is not installed, records why and returns nil (CI installs it).
func oldServerBinary(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> NATSServerBinary? {
    do {
        return try NATSServerBinary.resolveOld()
    } catch {
        Issue.record("the old nats-server (2.9.10) is needed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
