import Foundation
import HodeiProfile
import HodeiProvision
import NATSClient
import Testing

/// Three tenants (acme, globex, initech), each with its own stream `EV_<tenant>` and consumer
/// `jobs`, and users orchestrator (publishes job.>), worker (publishes worker.>, consumes
/// EV_<tenant>/jobs) and auditor (subscribes to everything).
enum LiveTenants {
    static let names = ["acme", "globex", "initech"]

    static func profile(mode: String, port: Int, tls: Bool = false) -> String {
        var lines = [
            "profile: 1",
            "environment: isolation",
            "servers: {urls: [\(tls ? "tls" : "nats")://127.0.0.1:\(port)]}",
            "auth: {mode: \(mode), secrets_dir: secrets}",
            "bus: {type: nats, capacity: 100, stream: HODEI_EVENTS, subject_prefix: hodei.events}",
            tls ? "tls: {ca: certs/ca.pem, cert: certs/server.pem, key: certs/server-key.pem, verify_clients: true, server_names: [localhost]}"
                : "tls: {allow_plaintext: true}",
            "tenants:",
        ]
        for name in names {
            lines += [
                "  \(name):",
                "    limits: {max_streams: 5, max_consumers: 20, max_file: 256MiB, max_mem: 64MiB}",
                "    users:",
                #"      orchestrator: {publish: ["hodei.events.job.>"]}"#,
                "      worker: {publish: [\"hodei.events.worker.>\"], consume: [EV_\(name)/jobs]}",
                #"      auditor: {subscribe: ["hodei.events.>"]}"#,
                "    streams:",
                "      EV_\(name):",
                #"        subjects: ["hodei.events.>"]"#,
                "        max_bytes: 32MiB",
                #"        consumers: {jobs: {filter: "hodei.events.job.>", ack: explicit}}"#,
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func connect(_ user: UserCredential, url: String, tls: NATSTLSOptions? = nil) async throws -> NATSConnection {
        let options = RenderServerTests.options(
            url, auth: RenderServerTests.auth(user), inbox: user.permissions.inboxPrefix, tls: tls)
        return try await NATSConnection.connect(options)
    }

    /// The first message of a fresh subscription, or nil after `timeout`.
    static func first(_ subscription: NATSSubscription, timeout: Duration = .seconds(5)) async -> NATSMessage? {
        await withTaskGroup(of: NATSMessage?.self) { group in
            group.addTask {
                var iterator = subscription.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let result = await group.next() ?? nil
            group.cancelAll()
            return result
        }
    }
}
