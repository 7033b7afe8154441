import Foundation
import HodeiTestSupport
import NATSServerControl
import Testing

/// Detached servers: outlive their launcher, are found again by pid file, stop by pid file.
@Suite struct UpDetachedServerTests {
    func config(in directory: TemporaryDirectory, port: Int, extra: String = "") throws -> DetachedServer {
        let server = DetachedServer(directory: directory.path)
        try """
        listen: "127.0.0.1:\(port)"
        jetstream { store_dir: "\(directory.path)/jetstream" }
        \(extra)
        """.write(toFile: server.configFile, atomically: true, encoding: .utf8)
        return server
    }

    @Test func startsDetachedReportsRunningAndStopsByPidFile() async throws {
        let directory = try TemporaryDirectory("hodei-detached")
        defer { directory.remove() }
        let server = try config(in: directory, port: try FreePort.next())
        #expect(server.status() == .stopped)
        let pid = try await server.start(readyTimeout: .seconds(20))
        var stopped = false
        defer { if !stopped { kill(pid, SIGKILL) } }

        #expect(server.status() == .running(pid: pid))
        let pidText = try String(contentsOfFile: server.pidFile, encoding: .utf8)
        #expect(pidText.trimmingCharacters(in: .whitespacesAndNewlines) == String(pid))
        // Detached: not our child, and in a session of its own.
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        #expect(Int32(fields[1]) != getpid(), "parent is the test process")
        #expect(Int32(fields[3]) == pid, "not a session leader")
        #expect(try directory.mode(of: server.logFile) == 0o600)
        #expect(try String(contentsOfFile: server.logFile, encoding: .utf8).contains("Server is ready"))

        // A second launch refuses: the pid file names a live server with this config.
        #expect(throws: NATSServerControlError.self) { _ = try server.launch() }

        #expect(try await server.stop(timeout: .seconds(10)))
        stopped = true
        #expect(server.status() == .stopped)
        #expect(!FileManager.default.fileExists(atPath: server.pidFile))
        #expect(try await server.stop() == false)
    }

    @Test func stalePidFileIsReportedAndReplaced() async throws {
        let directory = try TemporaryDirectory("hodei-detached")
        defer { directory.remove() }
        let server = try config(in: directory, port: try FreePort.next())
        // Our own pid: alive, but its command line does not name the config file.
        try "\(getpid())\n".write(toFile: server.pidFile, atomically: true, encoding: .utf8)
        #expect(server.status() == .stale(pid: getpid()))
        let pid = try await server.start(readyTimeout: .seconds(20))
        #expect(server.status() == .running(pid: pid))
        try await server.stop()
        #expect(server.status() == .stopped)
    }

    @Test func aBrokenConfigFailsFastWithTheLogTail() async throws {
        let directory = try TemporaryDirectory("hodei-detached")
        defer { directory.remove() }
        let server = try config(in: directory, port: try FreePort.next(), extra: "no_such_option: 1")
        let clock = ContinuousClock()
        let began = clock.now
        do {
            try await server.start(readyTimeout: .seconds(20))
            Issue.record("a server with an unknown option became ready")
        } catch {
            #expect(error.kind == .exitedEarly(status: -1))
            #expect(error.description.contains("no_such_option"), "\(error)")
        }
        #expect(clock.now - began < .seconds(10))
        #expect(!server.status().isRunning)
    }

    @Test func secondRunWaitsForItsOwnReadyLineNotAnOldOne() async throws {
        let directory = try TemporaryDirectory("hodei-detached")
        defer { directory.remove() }
        let server = try config(in: directory, port: try FreePort.next())
        try await server.start(readyTimeout: .seconds(20))
        try await server.stop()
        let launch = try server.launch()
        try await launch.waitUntilReady(timeout: .seconds(20))
        #expect(server.status() == .running(pid: launch.pid))
        try await server.stop()
        let log = try String(contentsOfFile: server.logFile, encoding: .utf8)
        #expect(log.components(separatedBy: "Server is ready").count - 1 == 2, "the log keeps both runs")
    }
}
