import Foundation
import HodeiTestSupport
import HodeiPlan
import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

/// Runs the built `hodei-provision` binary (next to the test bundle) without a terminal.
struct CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL? {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, bundleDirectory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("hodei-provision")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `terminalInput`: run inside a pseudo-terminal (util-linux `script`) and type this text.
    static func run(_ arguments: [String], in directory: URL, terminalInput: String? = nil) async throws -> Output {
        let binary = try #require(binary, "build the hodei-provision product first (swift build)")
        let process = Process()
        if let terminalInput {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.arguments = ["-qec", command, "/dev/null"]
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = nil
            process.environment = environment
            let input = Pipe()
            process.standardInput = input
            input.fileHandleForWriting.write(Data(terminalInput.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.executableURL = binary
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
        }
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            process.terminate()
        }
        var status: Int32 = -1
        for await code in exited.stream { status = code }
        watchdog.cancel()
        return Output(status: status, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

/// A temp directory for profiles and plan files, removed at the end.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

@Suite("plan/apply command line", .serialized)
struct PlanCLITests {
    /// Applies p.profile (file storage), publishes `messages`, then rewrites it with memory storage
    /// (a change that needs a replace).
    static func applyThenSwitchToMemory(_ live: Live, _ dir: URL, messages: Int) async throws {
        let file = dir.appendingPathComponent("p.profile")
        try TestProfile.acme(url: live.server.url).write(to: file, atomically: true, encoding: .utf8)
        #expect(try await CLI.run(["apply", "p.profile"], in: dir).status == 0)
        try await live.publish(messages)
        try TestProfile.acme(url: live.server.url).replacingOccurrences(of: "storage: file", with: "storage: memory")
            .write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("exit codes: plan --detailed-exitcode 2 with changes, apply 0, then No changes. and 0")
    func exitCodes() async throws {
        try await Live.with { live in
            try await withTemporaryDirectory { dir in
                try TestProfile.acme(url: live.server.url).write(to: dir.appendingPathComponent("p.profile"), atomically: true, encoding: .utf8)
                let pending = try await CLI.run(["plan", "p.profile", "--detailed-exitcode"], in: dir)
                #expect(pending.status == 2, "\(pending.stderr)")
                #expect(pending.stdout.contains("2 to create, 0 to update, 0 to replace, 0 to delete."))
                #expect(!pending.stdout.contains("\u{1B}["), "no colour without a terminal")
                let plain = try await CLI.run(["plan", "p.profile"], in: dir)
                #expect(plain.status == 0)

                let applied = try await CLI.run(["apply", "p.profile"], in: dir)
                #expect(applied.status == 0, "\(applied.stderr)")
                #expect(applied.stdout.contains("acme/EVENTS: created"))
                #expect(applied.stdout.contains("Apply complete: 2 created"))

                let audit = try await APIAudit(url: live.server.url)
                let again = try await CLI.run(["apply", "p.profile"], in: dir)
                #expect(again.status == 0)
                #expect(again.stdout == "No changes.\n")
                let clean = try await CLI.run(["plan", "p.profile", "--detailed-exitcode"], in: dir)
                #expect(clean.status == 0)
                try await audit.settle()
                #expect(audit.mutating.isEmpty)
                await audit.close()
            }
        }
    }

    @Test("an invalid profile exits 1 before connecting")
    func invalidProfile() async throws {
        try await Live.with { live in
            try await withTemporaryDirectory { dir in
                let audit = try await APIAudit(url: live.server.url)
                let text = TestProfile.acme(url: live.server.url, stream: ["max_age: forever"])
                try text.write(to: dir.appendingPathComponent("bad.profile"), atomically: true, encoding: .utf8)
                let result = try await CLI.run(["apply", "bad.profile", "--yes"], in: dir)
                #expect(result.status == 1)
                #expect(result.stderr.contains("max_age"))
                try await audit.settle()
                #expect(audit.mutating.isEmpty)
                #expect(try await live.admin.streamNames().isEmpty)
                await audit.close()
            }
        }
    }

    @Test("a destructive plan without a terminal needs --yes")
    func destructiveNeedsYes() async throws {
        try await Live.with { live in
            try await withTemporaryDirectory { dir in
                try await Self.applyThenSwitchToMemory(live, dir, messages: 3)

                let refused = try await CLI.run(["apply", "p.profile", "--allow-replace"], in: dir)
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("--yes"))
                #expect(refused.stdout.contains("3 messages would be lost"))
                #expect(try await live.messages("EVENTS") == 3)

                let done = try await CLI.run(["apply", "p.profile", "--allow-replace", "--yes"], in: dir)
                #expect(done.status == 0, "\(done.stderr)")
                #expect(done.stdout.contains("acme/EVENTS: replaced"))
                #expect(try await live.admin.streamInfo("EVENTS")?.config.storage == .memory)
            }
        }
    }

    @Test("at a terminal, destructive steps are listed and need `yes` typed", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func interactiveConfirmation() async throws {
        try await Live.with { live in
            try await withTemporaryDirectory { dir in
                try await Self.applyThenSwitchToMemory(live, dir, messages: 0)

                let cancelled = try await CLI.run(["apply", "p.profile", "--allow-replace"], in: dir, terminalInput: "no\n")
                #expect(cancelled.status == 1)
                #expect(cancelled.stdout.contains("Type yes to apply"))
                #expect(cancelled.stdout.contains("replace acme/EVENTS: storage file → memory cannot change in place"))
                #expect(cancelled.stdout.contains("Apply cancelled; nothing was applied."))
                #expect(cancelled.stdout.contains("\u{1B}["), "colour at a terminal")
                #expect(try await live.admin.streamInfo("EVENTS")?.config.storage == .file)

                let plain = try await CLI.run(["apply", "p.profile", "--allow-replace", "--no-color"], in: dir, terminalInput: "yes\n")
                #expect(plain.status == 0, "\(plain.stdout)")
                #expect(!plain.stdout.contains("\u{1B}["), "--no-color")
                #expect(plain.stdout.contains("acme/EVENTS: replaced"))
                #expect(try await live.admin.streamInfo("EVENTS")?.config.storage == .memory)
            }
        }
    }

    @Test("plan --out / apply plan.json applies exactly that plan, and refuses once the live state moved")
    func planFileRoundTrip() async throws {
        try await Live.with { live in
            try await withTemporaryDirectory { dir in
                let file = dir.appendingPathComponent("p.profile")
                try TestProfile.acme(url: live.server.url, stream: ["max_msgs: 10"]).write(to: file, atomically: true, encoding: .utf8)
                let planned = try await CLI.run(["plan", "p.profile", "--out", "plan.json"], in: dir)
                #expect(planned.status == 0, "\(planned.stderr)")
                let saved = try PlanJSON.decodePlanFile(Data(contentsOf: dir.appendingPathComponent("plan.json")))
                #expect(saved.plan.summary.create == 2)

                let noProfile = try await CLI.run(["apply", "plan.json"], in: dir)
                #expect(noProfile.status == 64)
                let withFlags = try await CLI.run(["apply", "plan.json", "--profile", "p.profile", "--prune"], in: dir)
                #expect(withFlags.status == 64)
                let applied = try await CLI.run(["apply", "plan.json", "--profile", "p.profile"], in: dir)
                #expect(applied.status == 0, "\(applied.stderr)")
                #expect(try await live.admin.streamInfo("EVENTS")?.config.maxMsgs == 10)

                try TestProfile.acme(url: live.server.url, stream: ["max_msgs: 20"]).write(to: file, atomically: true, encoding: .utf8)
                #expect(try await CLI.run(["plan", "p.profile", "--out", "plan.json"], in: dir).status == 0)
                // Someone changes the stream by hand after the plan was written.
                var config = try #require(try await live.admin.streamInfo("EVENTS")).config
                config.maxMsgs = 15
                try await live.admin.updateStream(config)
                let audit = try await APIAudit(url: live.server.url)
                let refused = try await CLI.run(["apply", "plan.json", "--profile", "p.profile"], in: dir)
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("acme/EVENTS changed since the plan was made"))
                try await audit.settle()
                #expect(audit.mutating.isEmpty)
                #expect(try await live.admin.streamInfo("EVENTS")?.config.maxMsgs == 15)
                await audit.close()
            }
        }
    }

    @Test("on 2.9.10, apply of a profile using compression exits 1 and sends nothing")
    func oldServerRefusesCompression() async throws {
        guard let old = oldServerBinary() else { return }
        try await Live.with(binary: old) { live in
            try await withTemporaryDirectory { dir in
                let audit = try await APIAudit(url: live.server.url)
                try TestProfile.acme(url: live.server.url, stream: ["compression: s2"])
                    .write(to: dir.appendingPathComponent("p.profile"), atomically: true, encoding: .utf8)
                let result = try await CLI.run(["apply", "p.profile", "--yes"], in: dir)
                #expect(result.status == 1)
                #expect(result.stdout.contains("compression"))
                #expect(result.stdout.contains("2.9.10"))
                try await audit.settle()
                #expect(audit.mutating.isEmpty)
                await audit.close()
            }
        }
    }

    @Test("a server that needs auth without generated credentials: the error says to run up or render")
    func missingCredentials() async throws {
        let accounts = "accounts { A: { jetstream: enabled, users: [{user: a, password: a-pass}] } }"
        try await withNATSServer(NATSServerConfiguration(extraConfig: accounts)) { server in
            try await withTemporaryDirectory { dir in
                try TestProfile.acme(url: server.url).write(to: dir.appendingPathComponent("p.profile"), atomically: true, encoding: .utf8)
                let result = try await CLI.run(["plan", "p.profile"], in: dir)
                #expect(result.status == 1)
                #expect(result.stdout.contains("run `hodei-provision up` or `render` first"))
                #expect(result.stdout.contains("users/hodei-admin.nk"))
            }
        }
    }

    @Test("--help documents the exit codes")
    func help() async throws {
        try await withTemporaryDirectory { dir in
            for command in ["plan", "apply"] {
                let help = try await CLI.run([command, "--help"], in: dir)
                #expect(help.status == 0)
                #expect(help.stdout.contains("Exit status"))
            }
        }
    }
}
