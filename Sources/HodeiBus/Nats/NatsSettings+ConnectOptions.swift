import NATSClient

extension NatsSettings {
    /// The libnats connect options for these settings. The bus reconnects forever: a worker agent
    /// must outlive a server restart.
    func connectOptions(_ options: NatsBusOptions) -> NATSConnectOptions {
        var connect = NATSConnectOptions(
            servers: servers, name: options.connectionName, connectTimeout: timeout, maxReconnect: -1,
            reconnectWait: options.reconnectWait, auth: auth.natsAuth,
            tls: tls.map { NATSTLSOptions(caFile: $0.caFile, certFile: $0.certFile, keyFile: $0.keyFile,
                                          expectedHostname: $0.serverName) },
            inboxPrefix: inboxPrefix)
        // Requests (publish acks), pull requests and acks leave at once instead of after libnats'
        // 1 ms flusher delay; batches use a buffered connection of their own (NatsBatchConnection).
        connect.sendAsap = true
        return connect
    }
}

extension NatsAuth {
    var natsAuth: NATSAuth {
        switch self {
        case .none: .none
        case .credentials(let path): .credsFile(path: path)
        case .nkeySeedFile(let path): .nkeySeedFile(path: path)
        case .userPassword(let user, let password): .userPassword(user: user, password: password.revealed)
        case .token(let token): .token(token.revealed)
        }
    }
}
