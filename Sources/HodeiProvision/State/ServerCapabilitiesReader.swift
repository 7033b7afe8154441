import HodeiPlan
import NATSClient

/// Works out which server the tool talks to: the version from the server's clear-text INFO line
/// (`NATSServerInfo.probe`: libnats does not expose it), the JetStream API level from `$JS.API.INFO`
/// (2.10+), and the cluster size from INFO's cluster URLs.
public struct ServerCapabilitiesReader: Sendable {
    public let connector: any TenantConnector
    public let probeTimeout: Duration

    public init(connector: any TenantConnector, probeTimeout: Duration = .seconds(2)) {
        self.connector = connector
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
        let level = accountInfo?.api.level
        let version = info.flatMap { HodeiPlan.ServerVersion($0.version) }
            ?? (level != nil ? HodeiPlan.ServerVersion(2, 11) : HodeiPlan.ServerVersion(2, 9))
        return (ServerCapabilities(version: version, apiLevel: level, clusterSize: info.map(Self.clusterSize) ?? 1), info)
    }

    /// Servers in the cluster: INFO's `connect_urls` lists the client URLs of the cluster's servers
    /// (this one included once the routes are up); 1 when not clustered.
    static func clusterSize(_ info: NATSServerInfo) -> Int {
        guard info.cluster != nil else { return 1 }
        return max(1, Set(info.connectURLs).count)
    }
}
