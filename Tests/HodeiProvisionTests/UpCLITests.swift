import Foundation
import HodeiProfile
import HodeiProvision
import NATSServerControl
import Testing

/// `up`, `apply`, `demo` and `down` as the main job runs them, on a copy of profiles/dev.profile
/// with a free port and a temporary state directory.
@Suite(.serialized) struct UpCLITests {
    @Test func upAppliesDemoRoundTripsAndDownStopsKeepingDataThenPurges() async throws {
        let sandbox = try ProvisionSandbox("up")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try CLIRun.devProfileCopy(in: sandbox.root.path, port: port)
        let state = sandbox.path("state")
        var stopped = false
        defer {
            if !stopped {
                // Never leave a server behind when an expectation above failed.
                let server = DetachedServer(directory: "\(state)/hodei-dev")
                if case .running(let pid) = server.status() { kill(pid, SIGKILL) }
            }
        }

        let up = try await CLIRun.run(["up", profile, "--state-dir", state])
        #expect(up.status == 0, "\(up.stdout)\n\(up.stderr)")
        #expect(up.stdout.contains("hodei-dev  nats://127.0.0.1:\(port)  started"), "\(up.stdout)")
        #expect(up.stdout.contains("created"), "a fresh environment creates keys: \(up.stdout)")
        #expect(up.stdout.contains("\(state)/clients/dev/orchestrator.env"), "\(up.stdout)")
        #expect(up.stdout.contains("dev/HODEI_EVENTS"), "streams applied: \(up.stdout)")
        #expect(up.stdout.contains("hodei-provision down"), "\(up.stdout)")
        let server = DetachedServer(directory: "\(state)/hodei-dev")
        #expect(server.status().isRunning)

        // Modes: secrets 0600 in 0700 directories; client files and the log 0600.
        let secrets = sandbox.path("secrets")
        #expect(try mode(of: secrets) == 0o700)
        #expect(try mode(of: "\(secrets)/accounts/dev/users/worker.nk") == 0o600)
        #expect(try mode(of: "\(secrets)/accounts/dev/users") == 0o700)
        #expect(try mode(of: "\(state)/clients/dev/worker.env") == 0o600)
        #expect(try mode(of: "\(state)/clients/dev/worker.context.json") == 0o600)
        #expect(try mode(of: server.logFile) == 0o600)

        let again = try await CLIRun.run(["up", profile, "--state-dir", state])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("already running"), "\(again.stdout)")
        #expect(again.stdout.contains("No changes."), "\(again.stdout)")
        #expect(!again.stdout.contains("created"), "a second up created keys again: \(again.stdout)")

        let apply = try await CLIRun.run(["apply", profile, "--yes"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("No changes."), "\(apply.stdout)")

        let demo = try await CLIRun.run(["demo", profile, "--tenant", "dev", "--state-dir", state])
        #expect(demo.status == 0, "\(demo.stdout)\n\(demo.stderr)")
        #expect(demo.stdout.contains("dev/orchestrator → hodei.events.job.created"), "\(demo.stdout)")
        #expect(demo.stdout.contains("round trip OK"), "\(demo.stdout)")

        // The same round trip for tools: one JSON object, nothing else on stdout.
        let demoJSON = try await CLIRun.run(["demo", profile, "--tenant", "dev", "--state-dir", state, "--format", "json"])
        #expect(demoJSON.status == 0, "\(demoJSON.stdout)\n\(demoJSON.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(demoJSON.stdout.utf8)) as? [String: Any],
                                  "\(demoJSON.stdout)")
        #expect(report["format_version"] as? Int == 1)
        #expect(report["publisher"] as? String == "orchestrator")
        #expect(report["subject"] as? String == "hodei.events.job.created")
        #expect(report["received_subject"] as? String == "hodei.events.job.created")
        #expect((report["event_id"] as? String).map { UUID(uuidString: $0) != nil } == true)
        #expect((report["stream_sequence"] as? Int ?? 0) >= 2, "the text run stored one event before")
        #expect((report["deliveries"] as? Int ?? 0) >= 1)
        #expect(report["round_trip_ms"] is Int)

        let down = try await CLIRun.run(["down", profile, "--state-dir", state])
        #expect(down.status == 0, "\(down.stderr)")
        stopped = true
        #expect(down.stdout.contains("stopped  hodei-dev (pid"), "\(down.stdout)")
        #expect(server.status() == .stopped)
        #expect(FileManager.default.fileExists(atPath: "\(state)/hodei-dev/jetstream"), "down without --purge keeps the data")

        // Data survives a restart: the stream is still there, so apply has nothing to do.
        let restart = try await CLIRun.run(["up", profile, "--state-dir", state])
        #expect(restart.status == 0 && restart.stdout.contains("No changes."), "\(restart.stdout)")
        let purge = try await CLIRun.run(["down", profile, "--state-dir", state, "--purge"])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(state)/hodei-dev"))
        #expect(FileManager.default.fileExists(atPath: "\(secrets)/accounts/dev/users/worker.nk"), "--purge keeps secrets")
        #expect(try await CLIRun.run(["down", profile, "--state-dir", state]).status == 0, "down twice is fine")
    }

    /// A 3-node cluster with mutual TLS (clients and routes) and an R3 stream comes up, serves the
    /// demo round trip through the bus, and goes down without leaving a node behind.
    @Test func upStartsAMutualTLSClusterThatServesTheDemo() async throws {
        let sandbox = try ProvisionSandbox("up-cluster")
        defer { sandbox.remove() }
        let ports = try (0..<3).map { _ in try FreePort.next() }
        let file = sandbox.path("cluster.profile")
        try """
            profile: 1
            environment: lc
            servers: {urls: [\(ports.map { "tls://127.0.0.1:\($0)" }.joined(separator: ", "))]}
            tls: {ca: certs/ca.pem, cert: certs/server.pem, key: certs/server-key.pem, verify_clients: true}
            auth: {mode: operator, secrets_dir: secrets}
            cluster: {name: lc, nodes: [n1, n2, n3]}
            tenants:
              acme:
                users:
                  orchestrator: {publish: ["hodei.events.job.>"]}
                  worker: {consume: [HODEI_EVENTS/jobs]}
                streams:
                  HODEI_EVENTS:
                    subjects: ["hodei.events.>"]
                    replicas: 3
                    consumers: {jobs: {filter: "hodei.events.job.>", ack: explicit}}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let state = sandbox.path("state")
        let nodes = ["n1", "n2", "n3"].map { DetachedServer(directory: "\(state)/\($0)") }
        defer {
            for node in nodes { if case .running(let pid) = node.status() { kill(pid, SIGKILL) } }
        }
        let up = try await CLIRun.run(["up", file, "--state-dir", state], timeout: .seconds(90))
        try #require(up.status == 0, "\(up.stdout)\n\(up.stderr)")
        for (name, port) in zip(["n1", "n2", "n3"], ports) {
            #expect(up.stdout.contains("\(name)  tls://127.0.0.1:\(port)  started"), "\(up.stdout)")
        }
        #expect(up.stdout.contains("acme/HODEI_EVENTS: created"), "\(up.stdout)")
        #expect(nodes.allSatisfy { $0.status().isRunning })
        for node in nodes {
            let config = try String(contentsOfFile: node.configFile, encoding: .utf8)
            #expect(config.contains("cluster {") && config.split(separator: "tls {").count == 3, "client and route TLS: \(config)")
        }
        let demo = try await CLIRun.run(["demo", file, "--tenant", "acme", "--state-dir", state])
        #expect(demo.status == 0 && demo.stdout.contains("round trip OK"), "\(demo.stdout)\n\(demo.stderr)")
        let down = try await CLIRun.run(["down", file, "--state-dir", state, "--purge"])
        #expect(down.status == 0, "\(down.stderr)")
        #expect(nodes.allSatisfy { $0.status() == .stopped })
    }

    @Test func upRefusesANonLoopbackProfile() async throws {
        let sandbox = try ProvisionSandbox("up-remote")
        defer { sandbox.remove() }
        let file = sandbox.path("remote.profile")
        try ProfileTexts.dev().replacingOccurrences(of: "127.0.0.1", with: "nats.example.com")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let up = try await CLIRun.run(["up", file, "--state-dir", sandbox.path("state")])
        #expect(up.status == 1)
        #expect(up.stderr.contains("not a loopback address"), "\(up.stderr)")
    }

    @Test(arguments: [
        ("nats://127.0.0.1:4222", 1, [4222]),
        ("nats://127.0.0.1:4300", 3, [4300, 4301, 4302]),
    ])
    func loopbackPortsComeFromTheProfileURLs(url: String, nodes: Int, ports: [Int]) throws {
        let sandbox = try ProvisionSandbox("topology")
        defer { sandbox.remove() }
        var text = ProfileTexts.dev().replacingOccurrences(of: "nats://127.0.0.1:4222", with: url)
        if nodes > 1 {
            text += "cluster: {name: c, nodes: [\((1...nodes).map { "n\($0)" }.joined(separator: ", "))]}\n"
        }
        let profile = try sandbox.profile(text)
        let local = try LocalEnvironment(profile: profile, stateDirectory: sandbox.path("s")).nodes()
        #expect(local.map(\.node.port) == ports)
        #expect(local.allSatisfy { $0.node.host == "127.0.0.1" })
        if nodes > 1 {
            #expect(local.map { $0.node.cluster?.port } == ports.map { $0 + LocalTopology.clusterPortOffset })
        }
    }

    @Test func theStateDirectoryAndDefaultCertificatesAreAtTheRepositoryRoot() throws {
        let sandbox = try ProvisionSandbox("state-dir")
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(atPath: sandbox.path("repo/profiles"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: sandbox.path("repo/Package.swift"), contents: Data())
        let file = sandbox.path("repo/profiles/dev.profile")
        try ProfileTexts.dev().write(toFile: file, atomically: true, encoding: .utf8)
        let (profile, _) = try ProfileLoader(environment: [:]).loadValidated(path: file)
        #expect(LocalStateDirectory.resolve(for: profile) == sandbox.root.standardizedFileURL.path + "/repo/.hodei/dev")
        #expect(LocalStateDirectory.resolve(for: profile, explicit: "/tmp/x/../y") == "/tmp/y")
        // Certificates without paths in the profile go to the same repository's certs/<env>/.
        let certificates = CertificateLayout(profile: profile)
        #expect(certificates.ca == sandbox.root.standardizedFileURL.path + "/repo/certs/dev/ca.pem")
        #expect(certificates.clientCert(tenant: "dev", user: "worker") == sandbox.root.standardizedFileURL.path + "/repo/certs/dev/clients/dev/worker.pem")
    }
}
