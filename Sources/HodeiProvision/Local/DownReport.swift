/// What `down` did.
public struct DownReport: Sendable {
    public struct NodeOutcome: Sendable, Equatable {
        public let name: String
        /// The pid it had, when it was running.
        public let stoppedPID: Int32?
    }

    public let environment: String
    public let nodes: [NodeOutcome]
    /// Directories and files removed by --purge / --purge-secrets.
    public let removed: [String]
    /// Kept on purpose (data without --purge, secrets without --purge-secrets).
    public let kept: [String]

    public var lines: [String] {
        var out = nodes.map { node in
            node.stoppedPID.map { "stopped  \(node.name) (pid \($0))" } ?? "stopped  \(node.name) (was not running)"
        }
        out += removed.map { "removed  \($0)" }
        out += kept.map { "kept     \($0)" }
        return out
    }
}
