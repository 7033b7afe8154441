import Foundation
import HodeiProfile

/// Where one nats-server of an environment listens and stores data: from the profile
/// (`ServerTopology.fromProfile`) or chosen by `up` on loopback (`ServerTopology.loopback`).
public struct ServerNode: Sendable, Equatable {
    public var name: String
    public var host: String
    public var port: Int
    /// HTTP monitoring port; nil = no monitoring endpoint.
    public var monitorPort: Int?
    /// Cluster listener and routes; nil for a single server.
    public var cluster: ClusterEndpoint?
    public var storeDirectory: String

    public init(name: String, host: String, port: Int, monitorPort: Int? = nil, cluster: ClusterEndpoint? = nil, storeDirectory: String) {
        self.name = name
        self.host = host
        self.port = port
        self.monitorPort = monitorPort
        self.cluster = cluster
        self.storeDirectory = storeDirectory
    }

    /// `nats://host:port` (or `tls://` when TLS is on), as clients use it.
    public func clientURL(tls: Bool) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host
        return "\(tls ? "tls" : "nats")://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)"
    }
}

public struct ClusterEndpoint: Sendable, Equatable {
    public var name: String
    public var host: String
    public var port: Int
    /// `nats-route://host:port` of the other nodes.
    public var routes: [String]

    public init(name: String, host: String, port: Int, routes: [String]) {
        self.name = name
        self.host = host
        self.port = port
        self.routes = routes
    }
}

/// The nodes of a profile.
public enum ServerTopology {
    public static let defaultClientPort = 4222
    public static let defaultClusterPort = 6222

    /// Node names: `cluster.nodes`, or one node `hodei-<environment>`.
    public static func nodeNames(of profile: Profile) -> [String] {
        if let cluster = profile.cluster, !cluster.nodes.isEmpty { return cluster.nodes }
        return ["hodei-\(profile.environment)"]
    }

    /// Nodes as deployed: node i listens on the port of `servers.urls[i]` (or of the first URL),
    /// on that host when it is a loopback address, on 0.0.0.0 otherwise; routes go to the URL
    /// hosts on port 6222. JetStream stores under `cluster.jetstream.store_dir`, else
    /// `<storeRoot>/<node>/jetstream`.
    public static func fromProfile(_ profile: Profile, storeRoot: String, monitorPort: Int? = nil) -> [ServerNode] {
        let names = nodeNames(of: profile)
        let endpoints = profile.servers.urls.compactMap(hostAndPort)
        func endpoint(_ index: Int) -> (host: String, port: Int) {
            if endpoints.count == names.count { return endpoints[index] }
            return (endpoints.first?.host ?? "127.0.0.1", endpoints.first?.port ?? defaultClientPort)
        }
        let routeHosts = names.indices.map { endpoints.count == names.count ? endpoints[$0].host : names[$0] }
        return names.indices.map { index in
            let (host, port) = endpoint(index)
            let listenHost = isLoopback(host) ? host : "0.0.0.0"
            var cluster: ClusterEndpoint?
            if let profileCluster = profile.cluster, names.count > 1 {
                let routes = names.indices.filter { $0 != index }.map { "nats-route://\(routeHosts[$0]):\(defaultClusterPort)" }
                cluster = ClusterEndpoint(name: profileCluster.name, host: listenHost, port: defaultClusterPort, routes: routes)
            }
            let store = profile.cluster?.jetstream.storeDir ?? "\(storeRoot)/\(names[index])/jetstream"
            return ServerNode(name: names[index], host: listenHost, port: port, monitorPort: monitorPort, cluster: cluster, storeDirectory: store)
        }
    }

    /// Every node on 127.0.0.1 with the given ports (one per node), storing under
    /// `<storeRoot>/<node>/jetstream`: what `up` and tests start.
    public static func loopback(
        _ profile: Profile, clientPorts: [Int], clusterPorts: [Int] = [], monitorPorts: [Int] = [], storeRoot: String
    ) -> [ServerNode] {
        let names = nodeNames(of: profile)
        return names.indices.map { index in
            var cluster: ClusterEndpoint?
            if names.count > 1, clusterPorts.count == names.count {
                let routes = names.indices.filter { $0 != index }.map { "nats-route://127.0.0.1:\(clusterPorts[$0])" }
                cluster = ClusterEndpoint(
                    name: profile.cluster?.name ?? "hodei-\(profile.environment)", host: "127.0.0.1", port: clusterPorts[index], routes: routes)
            }
            return ServerNode(
                name: names[index], host: "127.0.0.1", port: clientPorts[index % max(clientPorts.count, 1)],
                monitorPort: monitorPorts.count == names.count ? monitorPorts[index] : nil, cluster: cluster,
                storeDirectory: "\(storeRoot)/\(names[index])/jetstream")
        }
    }

    static func hostAndPort(_ url: String) -> (host: String, port: Int)? {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return nil }
        return (host, components.port ?? defaultClientPort)
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }
}
