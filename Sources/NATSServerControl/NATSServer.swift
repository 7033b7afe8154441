import Foundation
import Synchronization

/// One local `nats-server` process on 127.0.0.1 with its own temporary directory (config, store,
/// pid). `restart()` keeps port and store. Prefer `withNATSServer { }`, which always cleans up.
///
/// Readiness is the server's own "Server is ready" log line, awaited with a deadline.
/// Against orphans: each run has a watchdog shell that SIGKILLs the server once this process is
/// gone, and its pid is recorded in `$HODEI_NATS_PID_DIR` (when set) for scripts/test.sh.
public final class NATSServer: Sendable {
    public let binary: NATSServerBinary
    public let port: Int
    /// Temporary directory holding `server.conf`, the JetStream store and nothing else.
    public let directory: URL
    public let configFile: URL
    public let readyTimeout: Duration
    let log = ServerLog()
    private let running = Mutex<RunningProcess?>(nil)

    /// `nats://127.0.0.1:<port>`
    public var url: String { "nats://127.0.0.1:\(port)" }
    public var storeDirectory: URL { directory.appendingPathComponent("jetstream") }

    /// Starts a server and waits until it is ready.
    public static func start(_ configuration: NATSServerConfiguration = NATSServerConfiguration())
        async throws(NATSServerControlError) -> NATSServer
    {
        let port: Int
        if let fixed = configuration.port { port = fixed } else { port = try FreePort.next() }
        let server = try NATSServer(configuration: configuration, port: port, cluster: nil)
        do throws(NATSServerControlError) {
            try await server.launch()
        } catch {
            server.removeDirectory()
            throw error
        }
        return server
    }

    init(configuration: NATSServerConfiguration, port: Int, cluster: String?) throws(NATSServerControlError) {
        if let chosen = configuration.binary { binary = chosen } else { binary = try NATSServerBinary.resolve() }
        self.port = port
        readyTimeout = configuration.readyTimeout
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hodei-nats-\(configuration.serverName)-\(UUID().uuidString.prefix(8))")
        configFile = directory.appendingPathComponent("server.conf")
        var text = """
            server_name: "\(configuration.serverName)"
            listen: "127.0.0.1:\(port)"

            """
        if configuration.jetStream {
            text += "jetstream { store_dir: \"\(directory.path)/jetstream\" }\n"
        }
        if let cluster { text += cluster + "\n" }
        text += configuration.extraConfig + "\n"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try text.write(to: configFile, atomically: true, encoding: .utf8)
        } catch {
            throw NATSServerControlError(kind: .io, path: directory.path, detail: "cannot write config: \(error)")
        }
    }

    deinit {
        // Last resort if stop() was never awaited: never leave a server behind.
        running.withLock { $0?.forceKill() }
    }

    public var isRunning: Bool { running.withLock { $0 != nil } }
    public var processID: Int32? { running.withLock { $0?.process.processIdentifier } }

    /// The last lines the server logged (for failure messages).
    public func logTail(_ lines: Int = 20) -> String { log.tail(lines) }

    /// Marks the current end of the log; pass it to `waitForLog` to see only newer lines.
    public var logMark: Int { log.lineCount }

    /// Waits for a log line containing `text` at or after `mark`. Returns false on timeout.
    public func waitForLog(_ text: String, after mark: Int = 0, timeout: Duration = .seconds(15)) async -> Bool {
        await log.waitFor(text, fromLine: mark, timeout: timeout)
    }

    func launch() async throws(NATSServerControlError) {
        let mark = log.lineCount
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["-c", configFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let log = self.log
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                log.append(data)
            }
        }
        let exited = ExitSignal()
        process.terminationHandler = { process in
            exited.fire(process.terminationStatus)
            log.failWaiters()
        }
        do {
            try process.run()
        } catch {
            throw NATSServerControlError(kind: .launchFailed, path: binary.path, detail: "\(error)")
        }
        let run = RunningProcess(process: process, exited: exited, watchdog: Watchdog.start(guarding: process.processIdentifier))
        running.withLock { $0 = run }
        if await log.waitFor("Server is ready", fromLine: mark, timeout: readyTimeout) { return }
        let status = exited.status
        run.forceKill()
        _ = await run.exited.wait(timeout: .seconds(5))
        running.withLock { $0 = nil }
        if let status {
            throw NATSServerControlError(kind: .exitedEarly(status: status), path: configFile.path,
                                         detail: "log:\n\(log.tail())")
        }
        throw NATSServerControlError(kind: .notReady, path: configFile.path,
                                     detail: "no \"Server is ready\" within \(readyTimeout); log:\n\(log.tail())")
    }

    /// Graceful stop (SIGTERM, then SIGKILL after `timeout`). Keeps the directory for `restart()`.
    public func stop(timeout: Duration = .seconds(10)) async {
        guard let run = running.withLock({ $0 }) else { return }
        run.process.terminate()
        if await !run.exited.wait(timeout: timeout) {
            run.forceKill()
            _ = await run.exited.wait(timeout: .seconds(5))
        }
        run.watchdog?.terminate()
        Watchdog.forget(serverPID: run.process.processIdentifier)
        running.withLock { $0 = nil }
    }

    /// Abrupt stop (SIGKILL), as a crash would. Keeps the directory for `restart()`.
    public func kill() async {
        guard let run = running.withLock({ $0 }) else { return }
        run.forceKill()
        _ = await run.exited.wait(timeout: .seconds(5))
        run.watchdog?.terminate()
        Watchdog.forget(serverPID: run.process.processIdentifier)
        running.withLock { $0 = nil }
    }

    /// Starts the server again on the same port with the same store (stops it first if running).
    public func restart() async throws(NATSServerControlError) {
        await stop()
        try await launch()
    }

    /// Stops and deletes the temporary directory.
    public func shutdown() async {
        await stop()
        removeDirectory()
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A running server process with its exit signal and watchdog.
struct RunningProcess: @unchecked Sendable {
    // @unchecked Sendable: `Process` is used here only for its pid, terminate() and the
    // termination handler set before run(); all are safe from any thread.
    let process: Process
    let exited: ExitSignal
    let watchdog: Process?

    func forceKill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }
}
