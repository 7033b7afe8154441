/// How to reach NATS, as plain values (no NATSClient types): `NatsBus` maps these to connect
/// options. Filled by `EventBusConfig.fromEnvironment(_:)` or by the provisioning renderer.
public struct NatsSettings: Sendable, Hashable {
    public static let defaultServers = ["nats://127.0.0.1:4222"]
    public static let defaultTimeout = Duration.milliseconds(5000)
    public static let defaultStream = "HODEI_EVENTS"

    /// Server URLs tried in order (`nats://`, `tls://`, `ws://`, `wss://`).
    public var servers: [String]
    /// Connect and request timeout (JetStream publish ack wait).
    public var timeout: Duration
    public var auth: NatsAuth
    public var tls: NatsTLSSettings?
    /// JetStream stream holding the events (per tenant in a multi-tenant deployment).
    public var stream: String
    /// Reply-subject prefix for request/reply (JetStream acks, fetches), for users whose
    /// permissions only allow their own inbox (e.g. `_INBOX.acme-worker`). nil = `_INBOX`.
    public var inboxPrefix: String?

    public init(servers: [String] = NatsSettings.defaultServers, timeout: Duration = NatsSettings.defaultTimeout,
                auth: NatsAuth = .none, tls: NatsTLSSettings? = nil, stream: String = NatsSettings.defaultStream,
                inboxPrefix: String? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.auth = auth
        self.tls = tls
        self.stream = stream
        self.inboxPrefix = inboxPrefix
    }
}

/// One way of authenticating to NATS (they are mutually exclusive).
public enum NatsAuth: Sendable, Hashable {
    case none
    /// A `.creds` file (user JWT + nkey seed), decentralised auth.
    case credentials(path: String)
    /// A file holding an nkey user seed (`SU...`).
    case nkeySeedFile(path: String)
    case userPassword(user: String, password: Secret)
    case token(Secret)
}

/// TLS files (PEM). `caFile` alone: verify the server; with `certFile` + `keyFile`: mutual TLS.
public struct NatsTLSSettings: Sendable, Hashable {
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    /// Expected server name (SNI and certificate check) when it differs from the URL host.
    public var serverName: String?

    public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.serverName = serverName
    }
}
