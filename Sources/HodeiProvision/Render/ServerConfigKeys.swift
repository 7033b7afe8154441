import HodeiProfile

/// The config keys whose presence depends on the server version. The config parser rejects
/// unknown keys, so the renderer emits these only when the target has them (from the reference's
/// keys-by-version list, checked with `nats-server -t` on 2.9.10 and 2.15.1).
public enum ServerConfigKey: String, Sendable, CaseIterable {
    /// `tls.min_version`: refuse TLS below 1.2 explicitly (2.11).
    case tlsMinVersion = "tls.min_version"
    /// `tls.handshake_first` (2.10): not emitted (clients would all have to opt in), listed so
    /// the gate is tested.
    case tlsHandshakeFirst = "tls.handshake_first"
    /// `cluster.compression` (2.10).
    case clusterCompression = "cluster.compression"

    public var since: ServerVersion {
        switch self {
        case .tlsMinVersion: return ServerVersion(2, 11, 0)
        case .tlsHandshakeFirst, .clusterCompression: return ServerVersion(2, 10, 0)
        }
    }

    public func isSupported(by version: ServerVersion) -> Bool { version >= since }
}
