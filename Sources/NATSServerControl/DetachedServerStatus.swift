/// What a pid file says about a detached server.
public enum DetachedServerStatus: Sendable, Equatable, CustomStringConvertible {
    /// The pid file names a live `nats-server` started with this server's config file.
    case running(pid: Int32)
    /// No pid file.
    case stopped
    /// A pid file whose process is gone (or is another program now); `start` replaces it.
    case stale(pid: Int32)

    public var isRunning: Bool {
        if case .running = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .running(let pid): "running (pid \(pid))"
        case .stopped: "stopped"
        case .stale(let pid): "stopped (stale pid file for \(pid))"
        }
    }
}
