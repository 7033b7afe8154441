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
        return LockHolder(operator: OperatorIdentity.current(environment: environment), pid: getpid(), host: host)
    }

    public var description: String { "\(`operator`) (pid \(pid) on \(host))" }
}

/// The operator name journals and locks record: `$USER@hostname`.
public enum OperatorIdentity {
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}
