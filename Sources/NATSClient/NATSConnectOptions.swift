/// How to authenticate. Secrets are passed by value or by file and never logged.
public enum NATSAuth: Sendable {
    case none
    case userPassword(user: String, password: String)
    case token(String)
    /// A file holding an nkey seed (`SU...`), as nsc writes it.
    case nkeySeedFile(path: String)
    /// A `.creds` file (user JWT + seed).
    case credsFile(path: String)
}

/// TLS settings. A client certificate needs both `certFile` and `keyFile`.
public struct NATSTLSOptions: Sendable {
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    /// Host name the server certificate must carry (defaults to the URL's host).
    public var expectedHostname: String?
    /// Skips server certificate verification. DEVELOPMENT ONLY: anyone on the path can
    /// impersonate the server.
    public var insecureSkipVerify: Bool

    public init(
        caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil,
        expectedHostname: String? = nil, insecureSkipVerify: Bool = false
    ) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.expectedHostname = expectedHostname
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// Everything `NATSConnection.connect` needs.
public struct NATSConnectOptions: Sendable {
    public var servers: [String]
    public var name: String?
    public var connectTimeout: Duration
    /// Reconnect attempts per server after a disconnect; -1 = forever, 0 = no reconnect.
    public var maxReconnect: Int
    public var reconnectWait: Duration
    public var pingInterval: Duration
    public var auth: NATSAuth
    public var tls: NATSTLSOptions?
    /// Prefix for reply inboxes (default `_INBOX`); set it when permissions restrict `_INBOX.>`.
    public var inboxPrefix: String?
    /// Write every publish to the socket at once (libnats `SendAsap`). By default libnats hands
    /// writes to its flusher thread, which waits 1 ms to coalesce them: that millisecond is added
    /// to every request/reply, pull request and ack. The price: each pipelined publish becomes one
    /// socket write (batch publish measured ~20 % slower), so bulk publishing wants it off.
    public var sendAsap: Bool
    /// libnats' socket read/write buffer size in bytes; nil = libnats' default (32 KiB).
    public var ioBufferSize: Int?

    public init(
        servers: [String] = ["nats://127.0.0.1:4222"], name: String? = nil,
        connectTimeout: Duration = .seconds(2), maxReconnect: Int = 60,
        reconnectWait: Duration = .seconds(2), pingInterval: Duration = .seconds(120),
        auth: NATSAuth = .none, tls: NATSTLSOptions? = nil, inboxPrefix: String? = nil
    ) {
        self.servers = servers
        self.name = name
        self.connectTimeout = connectTimeout
        self.maxReconnect = maxReconnect
        self.reconnectWait = reconnectWait
        self.pingInterval = pingInterval
        self.auth = auth
        self.tls = tls
        self.inboxPrefix = inboxPrefix
        self.sendAsap = false
        self.ioBufferSize = nil
    }

    /// Every file these options name (auth and TLS), each with what it is for.
    var referencedFiles: [(path: String, role: String)] {
        var files: [(String, String)] = []
        switch auth {
        case .nkeySeedFile(let path): files.append((path, "nkey seed file"))
        case .credsFile(let path): files.append((path, "creds file"))
        default: break
        }
        if let tls {
            if let caFile = tls.caFile { files.append((caFile, "TLS CA file")) }
            if let certFile = tls.certFile { files.append((certFile, "TLS certificate file")) }
            if let keyFile = tls.keyFile { files.append((keyFile, "TLS key file")) }
        }
        return files
    }
}

extension Duration {
    /// Whole milliseconds, as libnats wants them (at least 1 for any positive duration).
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return ms == 0 && attoseconds > 0 ? 1 : ms
    }

    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension NATSAuth {
    /// Whether the client proves its identity by signing the server's nonce (nkey or creds).
    var signsNonce: Bool {
        switch self {
        case .nkeySeedFile, .credsFile: true
        default: false
        }
    }
}
