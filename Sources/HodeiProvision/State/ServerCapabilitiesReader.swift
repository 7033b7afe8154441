import HodeiPlan
import NATSClient

/// Works out which server the tool talks to: the version from the server's clear-text INFO line
/// (`NATSServerInfo.probe`: libnats does not expose it), the JetStream API level from `$JS.API.INFO`
/// (2.10+), and the cluster size: the profile's `cluster.nodes` when INFO says the server is clustered.
///
/// INFO's `connect_urls` cannot give the size: each member is listed once per interface it listens
/// on (a 3-node cluster on 0.0.0.0 showed 6 URLs), so the profile's declared topology is used.
public struct ServerCapabilitiesReader: Sendable {
    public let connector: any TenantConnector
    public let probeTimeout: Duration
    /// Nodes the profile declares (`cluster.nodes`), if any.
    public let declaredClusterSize: Int?

    public init(connector: any TenantConnector, declaredClusterSize: Int? = nil, probeTimeout: Duration = .seconds(2)) {
        self.connector = connector
        self.declaredClusterSize = declaredClusterSize
        self.probeTimeout = probeTimeout
    }

    /// The first URL that answers INFO; throws the last probe error when none does.
    public func serverInfo() async throws(NATSError) -> NATSServerInfo {
        var last = NATSError(kind: .invalidArgument, operation: "read server INFO", detail: "the profile lists no server URL")
        for url in connector.serverURLs {
            do {
                return try await NATSServerInfo.probe(url: url, timeout: probeTimeout)
            } catch {
                last = error
            }
        }
        throw last
    }

    /// Capabilities from INFO and, when `accountInfo` is given, its API level. When INFO cannot be read
    /// (a TLS-first server), the version is inferred from the API level: 2.11 when one is reported,
    /// otherwise 2.9 (the oldest supported), so no field is ever sent to a server that might drop it.
    public func capabilities(accountInfo: AccountInfo?) async -> (ServerCapabilities, NATSServerInfo?) {
        let info = try? await serverInfo()
        let level = accountInfo?.api.level ?? info?.apiLevel
        let version = info.flatMap { HodeiPlan.ServerVersion($0.version) }
            ?? (level != nil ? HodeiPlan.ServerVersion(2, 11) : HodeiPlan.ServerVersion(2, 9))
        let clustered = info?.cluster != nil
        let size = clustered ? max(1, declaredClusterSize ?? 1) : 1
        return (ServerCapabilities(version: version, apiLevel: level, clusterSize: size), info)
    }
}
