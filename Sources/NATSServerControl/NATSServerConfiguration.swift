/// What to start: a binary plus config text. Ports and the store directory are chosen at start.
public struct NATSServerConfiguration: Sendable {
    public var binary: NATSServerBinary?
    /// Appended to the generated config (listen, server_name, jetstream store).
    public var extraConfig: String
    public var jetStream: Bool
    public var serverName: String
    /// Port to listen on; nil picks a free one.
    public var port: Int?
    public var readyTimeout: Duration

    public init(
        binary: NATSServerBinary? = nil, extraConfig: String = "", jetStream: Bool = true,
        serverName: String = "hodei-test", port: Int? = nil, readyTimeout: Duration = .seconds(15)
    ) {
        self.binary = binary
        self.extraConfig = extraConfig
        self.jetStream = jetStream
        self.serverName = serverName
        self.port = port
        self.readyTimeout = readyTimeout
    }
}
