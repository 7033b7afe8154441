import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A local `nats-server` that outlives the process that started it (`hodei-provision up`), found
/// again later through its pid file (`down`, a second `up`, status).
///
/// It runs in its own session (`setsid`), so a terminal's hang-up or Ctrl-C does not reach it, with
/// stdin from /dev/null and stdout/stderr appended to `logFile`. Readiness is the server's own
/// "Server is ready" log line, followed as it is written and awaited with a deadline. The pid file
/// is written by the server itself (`-P`); a pid counts as this server only while that process is
/// alive and its command line names `configFile` (pids are reused).
public struct DetachedServer: Sendable, Equatable {
    public let configFile: String
    public let pidFile: String
    public let logFile: String

    public init(configFile: String, pidFile: String, logFile: String) {
        self.configFile = configFile
        self.pidFile = pidFile
        self.logFile = logFile
    }

    /// The conventional files of one node directory: `nats-server.conf`, `nats-server.pid`, `nats-server.log`.
    public init(directory: String) {
        self.init(configFile: "\(directory)/nats-server.conf", pidFile: "\(directory)/nats-server.pid",
                  logFile: "\(directory)/nats-server.log")
    }

    /// What the pid file says, checked against the live process table.
    public func status() -> DetachedServerStatus {
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8) else { return .stopped }
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return .stale(pid: 0) }
        return isOurs(pid) ? .running(pid: pid) : .stale(pid: pid)
    }

    /// Starts the server detached and returns at once; await `waitUntilReady` on the result.
    /// Refuses when this server is already running; removes a stale pid file.
    public func launch(binary: NATSServerBinary? = nil) throws(NATSServerControlError) -> DetachedLaunch {
        let chosen: NATSServerBinary
        if let binary { chosen = binary } else { chosen = try NATSServerBinary.resolve() }
        switch status() {
        case .running(let pid):
            throw NATSServerControlError(kind: .launchFailed, path: pidFile,
                                         detail: "already running as pid \(pid) (stop it first)")
        case .stale:
            try? FileManager.default.removeItem(atPath: pidFile)
        case .stopped:
            break
        }
        guard FileManager.default.fileExists(atPath: configFile) else {
            throw NATSServerControlError(kind: .launchFailed, path: configFile, detail: "config file missing")
        }
        let offset = try prepareLogFile()
        let follower = try LogFollower.start(file: logFile, fromByte: offset)
        let pid: Int32
        do throws(NATSServerControlError) {
            pid = try spawnDetached(binary: chosen)
        } catch {
            follower.stop()
            throw error
        }
        return DetachedLaunch(server: self, pid: pid, follower: follower)
    }

    /// `launch` then `waitUntilReady`.
    @discardableResult
    public func start(binary: NATSServerBinary? = nil, readyTimeout: Duration = .seconds(30))
        async throws(NATSServerControlError) -> Int32
    {
        let launched = try launch(binary: binary)
        try await launched.waitUntilReady(timeout: readyTimeout)
        return launched.pid
    }

    /// SIGTERM, then SIGKILL if it is still alive after `timeout`; removes the pid file.
    /// Returns false when it was not running (nothing to do).
    @discardableResult
    public func stop(timeout: Duration = .seconds(10)) async throws(NATSServerControlError) -> Bool {
        let pid: Int32
        switch status() {
        case .stopped: return false
        case .stale:
            try? FileManager.default.removeItem(atPath: pidFile)
            return false
        case .running(let running): pid = running
        }
        kill(pid, SIGTERM)
        if await !ProcessProbe.waitForExit(pid, timeout: timeout) {
            kill(pid, SIGKILL)
            if await !ProcessProbe.waitForExit(pid, timeout: .seconds(5)) {
                throw NATSServerControlError(kind: .stopTimedOut, path: pidFile,
                                             detail: "pid \(pid) survived SIGTERM and SIGKILL")
            }
        }
        try? FileManager.default.removeItem(atPath: pidFile)
        return true
    }

    /// Makes a running server re-read its config file (SIGHUP) and waits for its verdict in the log.
    public func reload(timeout: Duration = .seconds(15)) async throws(NATSServerControlError) {
        guard case .running(let pid) = status() else {
            throw NATSServerControlError(kind: .io, path: pidFile, detail: "not running, nothing to reload")
        }
        let follower = try LogFollower.start(file: logFile, fromByte: try prepareLogFile())
        defer { follower.stop() }
        kill(pid, SIGHUP)
        // Success logs "Reloaded server configuration", failure "Failed to reload server configuration: ...".
        guard await follower.log.waitFor("server configuration", fromLine: 0, timeout: timeout) else {
            throw NATSServerControlError(kind: .notReady, path: configFile, detail: "no reload verdict within \(timeout)")
        }
        let tail = follower.log.tail()
        if tail.contains("Failed to reload") {
            throw NATSServerControlError(kind: .io, path: configFile, detail: "reload refused: \(tail)")
        }
    }

    func isOurs(_ pid: Int32) -> Bool {
        guard ProcessProbe.isAlive(pid), let commandLine = ProcessProbe.commandLine(pid) else { return false }
        return commandLine.contains(configFile)
    }

    /// Creates the log file (0600) if needed; returns its current size, where this run's lines start.
    private func prepareLogFile() throws(NATSServerControlError) -> UInt64 {
        let fd = open(logFile, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else {
            throw NATSServerControlError(kind: .io, path: logFile, detail: "cannot open log file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return 0 }
        return UInt64(info.st_size)
    }

    /// A shell puts the server in the background in a new session and prints its pid; the shell
    /// exits at once, so the server is nobody's child here and survives this process.
    private func spawnDetached(binary: NATSServerBinary) throws(NATSServerControlError) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "log=\"$1\"; shift; setsid \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!",
            "sh", logFile, binary.path, "-c", configFile, "-P", pidFile,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw NATSServerControlError(kind: .launchFailed, path: binary.path, detail: "\(error)")
        }
        // EOF comes when the shell exits; no waitUntilExit(): it spins a run loop on a thread of the
        // cooperative pool (Foundation reaps the shell itself).
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        guard let pid = Int32(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw NATSServerControlError(kind: .launchFailed, path: binary.path, detail: "no pid from the launching shell")
        }
        return pid
    }
}
