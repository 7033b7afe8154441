/// Everything `status` shows for one tenant, or why it could not be read.
public struct TenantStatus: Sendable, Hashable, Codable {
    public var name: String
    public var account: AccountUsage?
    public var streams: [StreamStatus]
    /// Set when the tenant could not be read (connection, permissions, JetStream disabled).
    public var error: String?

    public init(name: String, account: AccountUsage?, streams: [StreamStatus], error: String? = nil) {
        self.name = name
        self.account = account
        self.streams = streams
        self.error = error
    }
}
