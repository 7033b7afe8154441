import Foundation

/// Rules about the environment as a whole: servers, cluster, plaintext, bus.
enum EnvironmentRules {
    static let schemes = ["nats", "tls", "ws", "wss"]

    static func check(_ profile: Profile, into collector: inout IssueCollector) {
        if !profile.environment.isEmpty {
            NameRules.check(profile.environment, kind: "environment", keyPath: "environment", into: &collector)
        }
        guard !profile.isAbstract else { return }
        if profile.servers.urls.isEmpty {
            collector.error("no-servers", "servers.urls", "no server URL is given", hint: "add e.g. urls: [nats://127.0.0.1:4222]")
        }
        for (index, url) in profile.servers.urls.enumerated() {
            let path = "servers.urls[\(index)]"
            guard host(of: url) != nil else {
                collector.error("invalid-url", path, "'\(url)' is not a server URL",
                                hint: "write scheme://host:port with scheme \(schemes.joined(separator: ", "))")
                continue
            }
            if url.hasPrefix("tls://") && profile.isPlaintext {
                collector.error("tls-url-without-tls", path, "'\(url)' asks for TLS but the profile has no tls section",
                                hint: "add tls: {ca: ..., cert: ..., key: ...} or use nats://")
            }
        }
        if profile.isPlaintext && !profile.isDev && profile.tls?.allowPlaintext != true {
            collector.error("plaintext-outside-dev", profile.tls == nil ? "environment" : "tls",
                            "environment '\(profile.environment)' has no TLS; plaintext is only allowed in dev",
                            hint: "configure tls (ca, cert, key) or set tls.allow_plaintext: true deliberately")
        }
        if let cluster = profile.cluster {
            NameRules.check(cluster.name, kind: "cluster", keyPath: "cluster.name", into: &collector)
            if cluster.nodes.isEmpty {
                collector.error("no-cluster-nodes", "cluster.nodes", "cluster '\(cluster.name)' has no nodes",
                                hint: "list the node names, or remove cluster for a single server")
            }
            var seen: Set<String> = []
            for (index, node) in cluster.nodes.enumerated() {
                NameRules.check(node, kind: "node", keyPath: "cluster.nodes[\(index)]", into: &collector)
                if !seen.insert(node).inserted {
                    collector.error("duplicate-node", "cluster.nodes[\(index)]", "node '\(node)' is listed twice")
                }
            }
        }
        if profile.bus.type == .inmemory && !profile.isDev {
            collector.warning("inmemory-bus", "bus.type",
                              "the in-memory bus keeps events in one process; environment '\(profile.environment)' is not dev",
                              hint: "use type: nats outside dev")
        }
        if let problem = SubjectPattern.problem(in: profile.bus.subjectPrefix) {
            collector.error("invalid-subject", "bus.subject_prefix", "'\(profile.bus.subjectPrefix)': \(problem)")
        }
    }

    /// The host of a server URL, nil when it is not one.
    static func host(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              schemes.contains(scheme), let host = components.host, !host.isEmpty else { return nil }
        return host
    }

    /// Nodes of the cluster, or 1 for a single server.
    static func nodeCount(_ profile: Profile) -> Int { profile.cluster.map { max($0.nodes.count, 1) } ?? 1 }
}
