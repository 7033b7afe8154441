import Foundation

/// Who holds (or asks for) an apply lock; shown to the operator who is refused.
public struct LockHolder: Codable, Sendable, Hashable, CustomStringConvertible {
    /// `$USER@hostname`.
    public var `operator`: String
    public var pid: Int32
    public var host: String

    public init(operator: String, pid: Int32, host: String) {
        self.operator = `operator`
        self.pid = pid
        self.host = host
    }

    /// This process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> LockHolder {
        let host = ProcessInfo.processInfo.hostName
        return LockHolder(operator: PersonAtKeyboard.current(environment: environment), pid: getpid(), host: host)
    }

    public var description: String { "\(`operator`) (pid \(pid) on \(host))" }
}

/// Who runs the tool, as journals and locks record it: `$USER@hostname` (not the NATS operator key).
public enum PersonAtKeyboard {
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}
