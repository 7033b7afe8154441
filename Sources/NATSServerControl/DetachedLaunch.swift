import Foundation

/// A detached server just launched: await `waitUntilReady` (start every node of a cluster before
/// waiting on any, since clustered JetStream servers wait for their peers).
public final class DetachedLaunch: Sendable {
    public let server: DetachedServer
    /// The server's pid (the pid file, written by the server, names the same process).
    public let pid: Int32
    let follower: LogFollower

    init(server: DetachedServer, pid: Int32, follower: LogFollower) {
        self.server = server
        self.pid = pid
        self.follower = follower
    }

    deinit { follower.stop() }

    /// Waits for "Server is ready" in this run's log lines. If the server exits or the time runs
    /// out, the error carries the log tail; a server that did not become ready is stopped.
    public func waitUntilReady(timeout: Duration = .seconds(30)) async throws(NATSServerControlError) {
        if await waitForLog("Server is ready", timeout: timeout) { return }
        let exited = !ProcessProbe.isAlive(pid)
        if !exited { _ = try? await server.stop(timeout: .seconds(5)) }
        let tail = follower.log.tail()
        if exited {
            throw NATSServerControlError(kind: .exitedEarly(status: -1), path: server.configFile, detail: "log:\n\(tail)")
        }
        throw NATSServerControlError(kind: .notReady, path: server.configFile,
                                     detail: "no \"Server is ready\" within \(timeout); log:\n\(tail)")
    }

    /// Waits for a line of this run's log containing `text`; false on timeout or when the server exits.
    public func waitForLog(_ text: String, timeout: Duration = .seconds(30)) async -> Bool {
        let log = follower.log
        let pid = self.pid
        // The log gives no event for a crash; this watcher turns the exit into failed waits.
        let watcher = Task {
            while !Task.isCancelled {
                if !ProcessProbe.isAlive(pid) { log.failWaiters() }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        defer { watcher.cancel() }
        return await log.waitFor(text, fromLine: 0, timeout: timeout)
    }

    /// Stops following the log (also done when this object goes away).
    public func finish() { follower.stop() }

    /// The last lines of this run's log.
    public func logTail(_ lines: Int = 20) -> String { follower.log.tail(lines) }
}
