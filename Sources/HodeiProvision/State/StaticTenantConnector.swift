import NATSClient

/// Fixed URLs and an auth per tenant (tests, and callers that have their own credentials).
public struct StaticTenantConnector: TenantConnector {
    public let serverURLs: [String]
    public let auth: [String: NATSAuth]
    public let defaultAuth: NATSAuth
    public let tls: NATSTLSOptions?
    public let connectTimeout: Duration

    public init(
        urls: [String], auth: [String: NATSAuth] = [:], defaultAuth: NATSAuth = .none, tls: NATSTLSOptions? = nil,
        connectTimeout: Duration = .seconds(5)
    ) {
        self.serverURLs = urls
        self.auth = auth
        self.defaultAuth = defaultAuth
        self.tls = tls
        self.connectTimeout = connectTimeout
    }

    public func connect(tenant: String) async throws(TenantConnectError) -> NATSConnection {
        let options = NATSConnectOptions(
            servers: serverURLs, name: "hodei-provision/\(tenant)", connectTimeout: connectTimeout, maxReconnect: 0,
            auth: auth[tenant] ?? defaultAuth, tls: tls)
        do {
            return try await NATSConnection.connect(options)
        } catch {
            throw TenantConnectError(tenant: tenant, failure: .connect(error), credentials: nil)
        }
    }
}
