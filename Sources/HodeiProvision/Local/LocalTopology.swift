import Foundation
import HodeiProfile

/// The loopback servers `up` starts for a profile: node i listens on 127.0.0.1 at the port of
/// `servers.urls[i]` (with fewer URLs than nodes: the first URL's port + i). Cluster routes use
/// client port + 2000 (4222 → 6222, the NATS convention). The URLs must be loopback: `up` is for a
/// local deployment, binds nothing else, and apply connects through the same URLs.
public enum LocalTopology {
    public static let clusterPortOffset = 2000

    public static func nodes(of profile: Profile, stateDirectory: String) throws(LocalEnvironmentError) -> [ServerNode] {
        let ports = try clientPorts(of: profile)
        let names = ServerTopology.nodeNames(of: profile)
        let clusterPorts = names.count > 1 ? ports.map { $0 + clusterPortOffset } : []
        return ServerTopology.loopback(profile, clientPorts: ports, clusterPorts: clusterPorts, storeRoot: stateDirectory)
    }

    static func clientPorts(of profile: Profile) throws(LocalEnvironmentError) -> [Int] {
        for url in profile.servers.urls {
            let host = URLComponents(string: url)?.host ?? ""
            guard ServerTopology.isLoopback(host) else {
                throw LocalEnvironmentError(
                    location: "\(profile.sourceFile): servers.urls", problem: "\(url) is not a loopback address; up starts local servers only",
                    fix: "use 127.0.0.1 or localhost in servers.urls (a profile for local use, like profiles/dev.profile)")
            }
        }
        let count = ServerTopology.nodeNames(of: profile).count
        let ports = profile.servers.urls.compactMap { URLComponents(string: $0)?.port ?? ServerTopology.defaultClientPort }
        guard let first = ports.first else {
            throw LocalEnvironmentError(
                location: "\(profile.sourceFile): servers.urls", problem: "no server URL to take a port from",
                fix: "list the local server, e.g. urls: [nats://127.0.0.1:4222]")
        }
        if ports.count >= count { return Array(ports.prefix(count)) }
        return (0..<count).map { first + $0 }
    }
}
