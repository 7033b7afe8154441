import Foundation
import HodeiProfile
import NATSServerControl

/// A profile's environment run on this machine: `up` renders configs and credentials into the
/// state directory, starts one detached `nats-server` per node on loopback, waits until they are
/// ready and applies the profile; `down` stops them by pid file. Servers outlive the CLI.
public struct LocalEnvironment: Sendable {
    public let profile: Profile
    public let stateDirectory: String
    /// nil: `NATS_SERVER_BIN`, else `nats-server` on PATH.
    public var binary: NATSServerBinary?
    public var readyTimeout: Duration = .seconds(30)

    public init(profile: Profile, stateDirectory: String? = nil) {
        self.profile = profile
        self.stateDirectory = LocalStateDirectory.resolve(for: profile, explicit: stateDirectory)
    }

    var usesTLS: Bool { profile.tls?.isEnabled == true }

    /// The servers of this environment and their files.
    public func nodes() throws(LocalEnvironmentError) -> [LocalNode] {
        try LocalTopology.nodes(of: profile, stateDirectory: stateDirectory)
            .map { LocalNode(node: $0, stateDirectory: stateDirectory, tls: usesTLS) }
    }

    /// The env file `up` writes for a tenant user.
    public func clientEnvFile(tenant: String, user: String) -> String {
        ClientArtefacts.paths(out: stateDirectory, tenant: tenant, user: user).env
    }

    /// Each node with what its pid file says.
    public func status() throws(LocalEnvironmentError) -> [(node: LocalNode, status: DetachedServerStatus)] {
        try nodes().map { ($0, $0.server.status()) }
    }

    /// Renders, starts what is not running (reloads what runs with a changed config), waits until
    /// ready, then runs `apply` (if given). Idempotent: a second `up` only re-applies.
    public func up(purgeFirst: Bool = false, apply: (any LocalApplyStep)? = nil) async throws -> UpReport {
        if purgeFirst { _ = try await down(purge: true) }
        let nodes = try self.nodes()
        let chosen = try binary ?? NATSServerBinary.resolve()
        let version = try await serverVersion(of: chosen)
        var created: [String] = []
        var tls: TLSFiles?
        if let profileTLS = profile.tls, profileTLS.isEnabled {
            let layout = CertificateLayout(profile: profile)
            let events = try CertificateProvisioner(profile: profile, layout: layout).run()
            created += events.filter { $0.outcome != .kept }.map(\.description)
            tls = TLSFiles(ca: layout.ca, cert: layout.serverCert, key: layout.serverKey, verifyClients: profileTLS.verifyClients)
        }
        var renderer = EnvironmentRenderer(profile: profile, outDirectory: stateDirectory, version: version)
        renderer.nodes = nodes.map(\.node)
        renderer.clientURLs = nodes.map(\.url)
        renderer.tls = .some(tls)
        let rendered = try renderer.render()
        created += rendered.credentials.events.filter(\.changed).map(\.description)

        let outcomes = try await startOrReload(nodes, rewritten: Set(rendered.written), binary: chosen)
        let applied = try await apply?.apply(profile: profile, urls: nodes.map(\.url), credentials: rendered.credentials) ?? []
        let connections = rendered.clients.map {
            UpReport.Connection(
                address: "\($0.settings.tenant)/\($0.settings.user)", envFile: $0.envFile,
                contextFile: $0.contextFile, credentialFile: $0.credentialFile)
        }
        return UpReport(
            environment: profile.environment, stateDirectory: stateDirectory, nodes: outcomes, created: created,
            apply: applied, connections: connections)
    }

    /// Stops every node (SIGTERM, then SIGKILL after `stopTimeout`). Data is kept unless `purge`
    /// (node directories with their stores and logs, and client files); secrets (keys, creds,
    /// certificates) are kept unless `purgeSecrets`, which implies `purge`.
    public func down(purge: Bool = false, purgeSecrets: Bool = false, stopTimeout: Duration = .seconds(10))
        async throws -> DownReport
    {
        let nodes = try self.nodes()
        var outcomes: [DownReport.NodeOutcome] = []
        for node in nodes {
            let status = node.server.status()
            try await node.server.stop(timeout: stopTimeout)
            if case .running(let pid) = status {
                outcomes.append(.init(name: node.name, stoppedPID: pid))
            } else {
                outcomes.append(.init(name: node.name, stoppedPID: nil))
            }
        }
        var removed: [String] = []
        var kept: [String] = []
        let fileManager = FileManager.default
        func remove(_ path: String) throws {
            guard fileManager.fileExists(atPath: path) else { return }
            try fileManager.removeItem(atPath: path)
            removed.append(path)
        }
        if purge || purgeSecrets {
            for node in nodes { try remove(node.directory) }
            try remove("\(stateDirectory)/clients")
        } else {
            kept += nodes.map(\.node.storeDirectory).filter { fileManager.fileExists(atPath: $0) }
                .map { "\($0) (data; --purge removes it)" }
        }
        let secrets = SecretsLayout(profile: profile).root
        if purgeSecrets {
            try remove(secrets)
            if usesTLS {
                let certificates = CertificateLayout(profile: profile)
                for path in [certificates.ca, certificates.caKey, certificates.serverCert, certificates.serverKey, certificates.clientDirectory] {
                    try remove(path)
                }
            }
        } else if fileManager.fileExists(atPath: secrets) {
            kept.append("\(secrets) (secrets; --purge-secrets removes them)")
        }
        if (purge || purgeSecrets), (try? fileManager.contentsOfDirectory(atPath: stateDirectory))?.isEmpty == true {
            try remove(stateDirectory)
        }
        return DownReport(environment: profile.environment, nodes: outcomes, removed: removed, kept: kept)
    }

    private func serverVersion(of binary: NATSServerBinary) async throws -> ServerVersion {
        let text = try await binary.version()
        guard let version = ServerVersion(text) else {
            throw LocalEnvironmentError(location: binary.path, problem: "unexpected version \(text)",
                                        fix: "install a release nats-server (scripts/setup.sh)")
        }
        return version
    }

    /// Launches every stopped node before waiting on any (clustered JetStream servers wait for their
    /// peers); a node that runs is reloaded when its config was rewritten. If one fails, the nodes
    /// launched here are stopped again.
    private func startOrReload(_ nodes: [LocalNode], rewritten: Set<String>, binary: NATSServerBinary)
        async throws -> [UpReport.NodeOutcome]
    {
        var outcomes: [String: UpReport.NodeOutcome] = [:]
        var launches: [(node: LocalNode, launch: DetachedLaunch)] = []
        do {
            for node in nodes {
                if case .running(let pid) = node.server.status() {
                    let changed = rewritten.contains(node.server.configFile)
                    if changed { try await node.server.reload() }
                    outcomes[node.name] = .init(name: node.name, url: node.url, pid: pid,
                                                action: changed ? .reloaded : .alreadyRunning, logFile: node.server.logFile)
                } else {
                    launches.append((node, try node.server.launch(binary: binary)))
                }
            }
            for (node, launch) in launches {
                try await launch.waitUntilReady(timeout: readyTimeout)
                outcomes[node.name] = .init(name: node.name, url: node.url, pid: launch.pid, action: .started, logFile: node.server.logFile)
            }
            if nodes.count > 1, !launches.isEmpty {
                try await waitForMetaLeader(launches.map(\.launch))
            }
        } catch {
            for (node, _) in launches { _ = try? await node.server.stop(timeout: .seconds(5)) }
            throw error
        }
        launches.forEach { $0.launch.finish() }
        return nodes.compactMap { outcomes[$0.name] }
    }

    private func waitForMetaLeader(_ launches: [DetachedLaunch]) async throws {
        let timeout = readyTimeout
        let found = await withTaskGroup(of: Bool.self) { group in
            for launch in launches {
                group.addTask { await launch.waitForLog("JetStream cluster new metadata leader", timeout: timeout) }
                group.addTask { await launch.waitForLog("Self is new JetStream cluster metadata leader", timeout: timeout) }
            }
            for await result in group where result {
                group.cancelAll()
                return true
            }
            return false
        }
        if !found {
            throw LocalEnvironmentError(
                location: stateDirectory, problem: "no JetStream meta leader elected within \(timeout)",
                fix: "check the nodes' logs (nats-server.log) and that the cluster ports are free")
        }
    }
}
