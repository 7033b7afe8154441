import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSServerControl

// Fixtures shared by the credential, render, certs and rotate tests (no tests in this file).

/// A 0700 temporary directory holding a profile file; `remove()` deletes it.
struct ProvisionSandbox {
    let root: URL

    init(_ label: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-secure-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Writes the profile text as `<name>.profile` and loads and validates it (no process environment).
    func profile(_ text: String, name: String = "test") throws -> Profile {
        let file = path("\(name).profile")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (profile, _) = try ProfileLoader(environment: [:]).loadValidated(path: file)
        return profile
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

enum ProfileTexts {
    static let stream =
        #"streams: {HODEI_EVENTS: {subjects: ["hodei.events.>"], max_bytes: 64MiB, consumers: {jobs: {filter: "hodei.events.job.>", ack: explicit}}}}"#
    static let users =
        #"users: {worker: {publish: ["hodei.events.worker.>"], consume: [HODEI_EVENTS/jobs]}, auditor: {subscribe: ["hodei.events.>"]}}"#

    /// dev: plaintext, one tenant with a publisher/consumer and a subscribe-only user.
    static func dev(port: Int = 4222, mode: String = "accounts", userLine: String = ProfileTexts.users, maxFile: String = "1GiB") -> String {
        [
            "profile: 1",
            "environment: dev",
            "servers: {urls: [nats://127.0.0.1:\(port)]}",
            "auth: {mode: \(mode), secrets_dir: secrets}",
            "bus: {type: nats, capacity: 100, stream: HODEI_EVENTS, subject_prefix: hodei.events}",
            "tenants:",
            "  dev:",
            "    limits: {max_streams: 5, max_consumers: 20, max_file: \(maxFile), max_mem: 64MiB, max_connections: 50}",
            "    \(userLine)",
            "    \(stream)",
        ].joined(separator: "\n") + "\n"
    }

    /// Three tenants; optionally mutual TLS (files under certs/) and a 3-node cluster.
    static func threeTenants(mode: String, ports: [Int], tls: Bool, cluster: Bool) -> String {
        let scheme = tls ? "tls" : "nats"
        var lines = [
            "profile: 1",
            "environment: staging",
            "servers: {urls: [\(ports.map { "\(scheme)://127.0.0.1:\($0)" }.joined(separator: ", "))]}",
            "auth: {mode: \(mode), secrets_dir: secrets}",
            "bus: {type: nats, capacity: 100, stream: HODEI_EVENTS, subject_prefix: hodei.events}",
        ]
        if tls {
            lines.append("tls: {ca: certs/ca.pem, cert: certs/server.pem, key: certs/server-key.pem, verify_clients: true, server_names: [localhost]}")
        } else {
            lines.append("tls: {allow_plaintext: true}")
        }
        if cluster {
            lines.append("cluster: {name: hodei-test, nodes: [n1, n2, n3], jetstream: {max_file: 1GiB, max_mem: 256MiB}}")
        }
        lines.append("tenants:")
        for name in ["acme", "globex", "initech"] {
            lines += [
                "  \(name):",
                "    limits: {max_streams: 5, max_consumers: 20, max_file: 1GiB, max_mem: 64MiB}",
                "    \(users)",
                "    \(stream)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Every regular file under `root` (recursively) with its bytes and modification time.
func snapshot(_ root: String) throws -> [String: (Data, Date)] {
    var result: [String: (Data, Date)] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        let path = root + "/" + relative
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
        result[relative] = (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date ?? .distantPast)
    }
    return result
}

func mode(of path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
}

/// Runs an executable to completion (bounded) and returns its status and output.
func runProcess(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(60)) async throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let status: Int32 = try await withThrowingTaskGroup(of: Int32?.self) { group in
        group.addTask {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        if first == nil, process.isRunning { process.terminate() }
        return first ?? -1
    }
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (status, stdout, stderr)
}

/// The two servers every render is checked against.
enum ServerBinaries {
    static var current: String? { try? NATSServerBinary.resolve().path }
    static var old: String? { try? NATSServerBinary.resolveOld().path }

    static let currentVersion = ServerVersion(2, 15, 1)
    static let oldVersion = ServerVersion(2, 9, 10)
}
