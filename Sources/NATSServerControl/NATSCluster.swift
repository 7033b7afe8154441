import Foundation

/// A JetStream cluster of local servers on 127.0.0.1 (default 3), fully routed to each other.
/// Prefer `withNATSCluster { }`, which always cleans up.
public final class NATSCluster: Sendable {
    public let name: String
    public let nodes: [NATSServer]
    /// One monitoring (`http`) port per node, on 127.0.0.1, for the readiness probe.
    let monitorPorts: [Int]

    /// Client URLs of all nodes.
    public var urls: [String] { nodes.map(\.url) }

    /// Starts all nodes and waits until each is ready, a JetStream meta leader is elected and it
    /// sees every peer current and online (so a replicated stream can be placed at once).
    public static func start(
        size: Int = 3, name: String = "hodei-test", binary: NATSServerBinary? = nil,
        extraConfig: String = "", readyTimeout: Duration = .seconds(30)
    ) async throws(NATSServerControlError) -> NATSCluster {
        // Distinct ports: the kernel may hand a just-closed port out again.
        var ports: [Int] = []
        while ports.count < 3 * size {
            let port = try FreePort.next()
            if !ports.contains(port) { ports.append(port) }
        }
        let clientPorts = Array(ports[0..<size])
        let routePorts = Array(ports[size..<2 * size])
        let monitorPorts = Array(ports[2 * size..<3 * size])
        var nodes: [NATSServer] = []
        for index in 0..<size {
            let routes = routePorts.enumerated().filter { $0.offset != index }
                .map { "\"nats-route://127.0.0.1:\($0.element)\"" }.joined(separator: ", ")
            let clusterBlock = """
                http: "127.0.0.1:\(monitorPorts[index])"
                cluster {
                  name: "\(name)"
                  listen: "127.0.0.1:\(routePorts[index])"
                  routes: [\(routes)]
                }
                """
            let configuration = NATSServerConfiguration(
                binary: binary, extraConfig: extraConfig, serverName: "\(name)-n\(index + 1)",
                readyTimeout: readyTimeout)
            nodes.append(try NATSServer(configuration: configuration, port: clientPorts[index], cluster: clusterBlock))
        }
        let cluster = NATSCluster(name: name, nodes: nodes, monitorPorts: monitorPorts)
        do throws(NATSServerControlError) {
            // Start all before waiting: a clustered JetStream server waits for its peers.
            try await withThrowingTaskGroupTyped(nodes) { node throws(NATSServerControlError) in try await node.launch() }
            try await cluster.waitForMetaLeader(after: 0, timeout: readyTimeout)
            try await cluster.waitForPeersOnline(timeout: readyTimeout)
        } catch {
            await cluster.shutdown()
            throw error
        }
        return cluster
    }

    init(name: String, nodes: [NATSServer], monitorPorts: [Int]) {
        self.name = name
        self.nodes = nodes
        self.monitorPorts = monitorPorts
    }

    /// Waits until some node's `/jsz` shows it leads the meta group with every peer current and
    /// online (see `MetaClusterProbe`). Polls every 100 ms: the server announces this nowhere.
    public func waitForPeersOnline(timeout: Duration = .seconds(30)) async throws(NATSServerControlError) {
        let probes = monitorPorts.map { MetaClusterProbe(monitorPort: $0, clusterSize: nodes.count) }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            for probe in probes where await probe.leaderSeesAllPeers() { return }
            do { try await Task.sleep(for: .milliseconds(100)) } catch { break }
        }
        throw NATSServerControlError(kind: .notReady, path: nodes.first?.directory.path ?? name,
                                     detail: "the JetStream meta leader did not see all \(nodes.count) peers online within \(timeout)")
    }

    /// Waits until some node logs a JetStream meta-leader election newer than the marks.
    public func waitForMetaLeader(after mark: Int, timeout: Duration = .seconds(30)) async throws(NATSServerControlError) {
        let found = await withTaskGroup(of: Bool.self) { group in
            for node in nodes {
                group.addTask { await node.waitForLog("JetStream cluster new metadata leader", after: mark, timeout: timeout) }
                group.addTask { await node.waitForLog("Self is new JetStream cluster metadata leader", after: mark, timeout: timeout) }
            }
            for await result in group where result {
                group.cancelAll()
                return true
            }
            return false
        }
        if !found {
            throw NATSServerControlError(kind: .notReady, path: nodes.first?.directory.path ?? name,
                                         detail: "no JetStream meta leader within \(timeout)")
        }
    }

    /// Stops every node and deletes their directories.
    public func shutdown() async {
        for node in nodes { await node.shutdown() }
    }
}

/// Runs `body` for each element concurrently, rethrowing the first typed error.
func withThrowingTaskGroupTyped<Element: Sendable>(
    _ elements: [Element], _ body: @escaping @Sendable (Element) async throws(NATSServerControlError) -> Void
) async throws(NATSServerControlError) {
    let failures = await withTaskGroup(of: NATSServerControlError?.self) { group in
        for element in elements {
            group.addTask {
                do throws(NATSServerControlError) { try await body(element); return nil } catch { return error }
            }
        }
        var failures: [NATSServerControlError] = []
        for await failure in group { if let failure { failures.append(failure) } }
        return failures
    }
    if let first = failures.first { throw first }
}
