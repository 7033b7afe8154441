import CNATS
#if canImport(Glibc)
import Glibc
#endif

/// Owns one `natsOptions*` while a connection is being set up; destroyed in `deinit`
/// (libnats copies what it needs into the connection).
final class COptions {
    let pointer: OpaquePointer

    init() throws(NATSError) {
        var options: OpaquePointer?
        try check(natsOptions_Create(&options), "create connection options")
        guard let options else {
            throw NATSError(kind: .libnats, operation: "create connection options", detail: "no options returned")
        }
        pointer = options
    }

    deinit { natsOptions_Destroy(pointer) }

    /// Checks every referenced file is readable before libnats sees it, so the error names the file.
    static func verifyFiles(_ options: NATSConnectOptions) throws(NATSError) {
        for (path, role) in options.referencedFiles where access(path, R_OK) != 0 {
            let reason = String(cString: strerror(errno))
            throw NATSError(kind: .fileUnreadable, operation: "connect: read \(role)",
                            detail: reason, path: path)
        }
    }

    func apply(_ options: NATSConnectOptions) throws(NATSError) {
        guard !options.servers.isEmpty else {
            throw NATSError(kind: .invalidArgument, operation: "connect", detail: "no server URLs given")
        }
        let servers = options.servers.map { strdup($0) }
        defer { servers.forEach { free($0) } }
        var constServers = servers.map { UnsafePointer<CChar>($0) }
        try check(natsOptions_SetServers(pointer, &constServers, Int32(servers.count)), "set servers")
        try check(natsOptions_SetNoRandomize(pointer, true), "set server order")
        if let name = options.name { try check(natsOptions_SetName(pointer, name), "set client name") }
        try check(natsOptions_SetTimeout(pointer, options.connectTimeout.milliseconds), "set connect timeout")
        try check(natsOptions_SetMaxReconnect(pointer, Int32(options.maxReconnect)), "set max reconnect")
        try check(natsOptions_SetAllowReconnect(pointer, options.maxReconnect != 0), "set allow reconnect")
        try check(natsOptions_SetReconnectWait(pointer, options.reconnectWait.milliseconds), "set reconnect wait")
        try check(natsOptions_SetPingInterval(pointer, options.pingInterval.milliseconds), "set ping interval")
        if options.sendAsap { try check(natsOptions_SetSendAsap(pointer, true), "set send asap") }
        if let size = options.ioBufferSize {
            try check(natsOptions_SetIOBufSize(pointer, Int32(clamping: size)), "set I/O buffer size")
        }
        if let prefix = options.inboxPrefix {
            try check(natsOptions_SetCustomInboxPrefix(pointer, prefix), "set inbox prefix")
        }
        try applyAuth(options.auth)
        if let tls = options.tls { try applyTLS(tls) }
    }

    private func applyAuth(_ auth: NATSAuth) throws(NATSError) {
        switch auth {
        case .none:
            break
        case .userPassword(let user, let password):
            try check(natsOptions_SetUserInfo(pointer, user, password), "set user \(user)")
        case .token(let token):
            try check(natsOptions_SetToken(pointer, token), "set token")
        case .nkeySeedFile(let path):
            let publicKey = try Self.publicKey(fromSeedFile: path)
            try check(natsOptions_SetNKeyFromSeed(pointer, publicKey, path), "load nkey seed \(path)")
        case .credsFile(let path):
            try check(natsOptions_SetUserCredentialsFromFiles(pointer, path, nil), "load creds \(path)")
        }
    }

    private func applyTLS(_ tls: NATSTLSOptions) throws(NATSError) {
        try check(natsOptions_SetSecure(pointer, true), "enable TLS")
        if let caFile = tls.caFile {
            try check(natsOptions_LoadCATrustedCertificates(pointer, caFile), "load TLS CA \(caFile)")
        }
        switch (tls.certFile, tls.keyFile) {
        case (let cert?, let key?):
            try check(natsOptions_LoadCertificatesChain(pointer, cert, key), "load TLS certificate \(cert)")
        case (nil, nil):
            break
        default:
            throw NATSError(kind: .invalidArgument, operation: "configure TLS",
                            detail: "a client certificate needs both certFile and keyFile")
        }
        if let host = tls.expectedHostname {
            try check(natsOptions_SetExpectedHostname(pointer, host), "set TLS expected host name")
        }
        if tls.insecureSkipVerify {
            try check(natsOptions_SkipServerVerification(pointer, true), "skip TLS verification")
        }
    }

    /// libnats signs with the seed file but wants the public key too: derive it via libnats' own
    /// nkey code by reading the seed once. The seed text is wiped from memory after use.
    static func publicKey(fromSeedFile path: String) throws(NATSError) -> String {
        guard let file = fopen(path, "r") else {
            throw NATSError(kind: .fileUnreadable, operation: "connect: read nkey seed file",
                            detail: String(cString: strerror(errno)), path: path)
        }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        defer { for index in buffer.indices { buffer[index] = 0 } }
        var seed: String?
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(nulTerminated: buffer).trimmingWhitespace()
            if line.hasPrefix("SU") { seed = line; break }
        }
        guard let seed else {
            throw NATSError(kind: .fileUnreadable, operation: "connect: read nkey seed file",
                            detail: "no user seed (SU...) found", path: path)
        }
        guard let publicKey = NKeyPublic.userPublicKey(fromSeed: seed) else {
            throw NATSError(kind: .invalidArgument, operation: "connect: read nkey seed file",
                            detail: "the seed is not a valid user nkey seed", path: path)
        }
        return publicKey
    }
}

extension String {
    /// Text of a NUL-terminated C buffer.
    init(nulTerminated buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
