import NATSClient

/// Opens connections as a tenant's admin identity. `plan`/`apply` use `ProfileTenantConnector`;
/// tests inject one that points at their own server.
public protocol TenantConnector: Sendable {
    /// The server URLs, in the order to try them (the server INFO probe reads the first that answers).
    var serverURLs: [String] { get }

    /// A new connection in `tenant`'s account, as its admin identity. The caller closes it.
    func connect(tenant: String) async throws(TenantConnectError) -> NATSConnection
}
