/// What `up` did, for people (`lines`) and for callers (the structured fields). Paths only, never
/// secret values.
public struct UpReport: Sendable {
    public enum NodeAction: String, Sendable, Equatable {
        case started
        /// Already running with an unchanged config.
        case alreadyRunning = "already running"
        /// Already running; its config changed and the server reloaded it.
        case reloaded
    }

    public struct NodeOutcome: Sendable, Equatable {
        public let name: String
        public let url: String
        public let pid: Int32?
        public let action: NodeAction
        public let logFile: String
    }

    public struct Connection: Sendable, Equatable {
        public let address: String
        public let envFile: String
        public let contextFile: String
        public let credentialFile: String
    }

    public let environment: String
    public let stateDirectory: String
    public let nodes: [NodeOutcome]
    /// Keys, JWTs and certificates created this run (kept ones are not listed).
    public let created: [String]
    /// The apply step's own summary lines.
    public let apply: [String]
    public let connections: [Connection]

    public var lines: [String] {
        var out: [String] = []
        for item in created { out.append("created  \(item)") }
        for node in nodes {
            out.append("server   \(node.name)  \(node.url)  \(node.action.rawValue)\(node.pid.map { " (pid \($0))" } ?? "")  log \(node.logFile)")
        }
        out.append(contentsOf: apply)
        out.append("")
        out.append("How each user connects (files hold the secrets; source the env file or use the context):")
        for connection in connections {
            out.append("  \(connection.address)")
            out.append("    env      \(connection.envFile)")
            out.append("    context  \(connection.contextFile)")
            // Accounts mode hands out nkey seed files, operator mode .creds files.
            let label = connection.credentialFile.hasSuffix(".creds") ? "creds  " : "nkey   "
            out.append("    \(label)  \(connection.credentialFile)")
        }
        return out
    }
}
