import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a server says about itself in the `INFO` line it sends, in clear text, to every new client
/// before any TLS handshake or authentication.
///
/// libnats 3.4.1 parses INFO but exposes only the server id, and `$JS.API.INFO` reports `api.level`
/// only from 2.10 on; the version is what decides which config fields a server understands, so
/// `probe` opens a plain TCP connection of its own, reads that one line and closes. Nothing is sent.
/// Servers configured for TLS-first (`handshake_first`) send no clear INFO: the probe then fails
/// with `.invalidResponse` and the caller has to fall back to another source.
public struct NATSServerInfo: Sendable, Hashable {
    /// nats-server release, e.g. `2.15.1`.
    public var version: String
    public var serverID: String
    public var serverName: String?
    /// JetStream is enabled on this server.
    public var jetStream: Bool
    public var tlsRequired: Bool
    public var authRequired: Bool
    public var maxPayload: Int
    /// Name of the cluster this server belongs to, if any.
    public var cluster: String?
    /// Client URLs the cluster's servers advertise (every member, each once per interface it listens
    /// on: not a member count).
    public var connectURLs: [String]
    /// JetStream API level (`api_lvl`, recent servers only).
    public var apiLevel: Int?

    public init(
        version: String, serverID: String, serverName: String? = nil, jetStream: Bool = false,
        tlsRequired: Bool = false, authRequired: Bool = false, maxPayload: Int = 0, cluster: String? = nil,
        connectURLs: [String] = [], apiLevel: Int? = nil
    ) {
        self.version = version
        self.serverID = serverID
        self.serverName = serverName
        self.jetStream = jetStream
        self.tlsRequired = tlsRequired
        self.authRequired = authRequired
        self.maxPayload = maxPayload
        self.cluster = cluster
        self.connectURLs = connectURLs
        self.apiLevel = apiLevel
    }

    /// Decodes the line `INFO {json}` (with or without its CRLF).
    public init(infoLine: String) throws(NATSError) {
        var text = Substring(infoLine)
        while let last = text.last, last == "\r" || last == "\n" { text = text.dropLast() }
        guard text.hasPrefix("INFO ") else {
            throw NATSError(kind: .invalidResponse, operation: "read server INFO",
                            detail: "expected a line starting with INFO, got '\(text.prefix(40))'")
        }
        let body = Data(text.dropFirst(5).utf8)
        let fields: Wire
        do {
            fields = try JSONDecoder().decode(Wire.self, from: body)
        } catch {
            throw NATSError(kind: .invalidResponse, operation: "read server INFO", detail: "\(error)")
        }
        self.init(
            version: fields.version ?? "", serverID: fields.server_id ?? "", serverName: fields.server_name,
            jetStream: fields.jetstream ?? false, tlsRequired: fields.tls_required ?? false,
            authRequired: fields.auth_required ?? false, maxPayload: fields.max_payload ?? 0,
            cluster: fields.cluster, connectURLs: fields.connect_urls ?? [], apiLevel: fields.api_lvl)
    }

    private struct Wire: Decodable {
        var version: String?
        var server_id: String?
        var server_name: String?
        var jetstream: Bool?
        var tls_required: Bool?
        var auth_required: Bool?
        var max_payload: Int?
        var cluster: String?
        var connect_urls: [String]?
        var api_lvl: Int?
    }

    /// Reads the INFO line of the server at `url` (`nats://host:port`, `tls://host:port` or
    /// `host:port`; port 4222 when absent). Throws `.connectionRefused`, `.timeout` or `.invalidResponse`.
    public static func probe(url: String, timeout: Duration = .seconds(2)) async throws(NATSError) -> NATSServerInfo {
        let (host, port) = try hostAndPort(url)
        let line = try await BlockingCalls.run { () throws(NATSError) -> String in
            try readInfoLine(host: host, port: port, timeout: timeout, url: url)
        }
        return try NATSServerInfo(infoLine: line)
    }

    static func hostAndPort(_ url: String) throws(NATSError) -> (String, UInt16) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var host = rest
        var port: UInt16 = 4222
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let parsed = UInt16(after.dropFirst()) else { throw badURL(url) }
                port = parsed
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let parsed = UInt16(rest[rest.index(after: colon)...]) else { throw badURL(url) }
            port = parsed
        }
        guard !host.isEmpty else { throw badURL(url) }
        return (String(host), port)
    }

    private static func badURL(_ url: String) -> NATSError {
        NATSError(kind: .invalidArgument, operation: "read server INFO", detail: "'\(url)' is not a NATS URL like nats://127.0.0.1:4222")
    }

    private static func readInfoLine(host: String, port: UInt16, timeout: Duration, url: String) throws(NATSError) -> String {
        let operation = "read server INFO from \(url)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw NATSError(kind: .connectionRefused, operation: operation, detail: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var seconds = timeval()
        let (whole, atto) = timeout.components
        seconds.tv_sec = Int(whole)
        seconds.tv_usec = Int(atto / 1_000_000_000_000)
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            defer { Glibc.close(fd) }
            // SO_SNDTIMEO bounds connect() on Linux, SO_RCVTIMEO bounds each read.
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
            guard connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
                lastError = String(cString: strerror(errno))
                continue
            }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !received.contains(0x0A) && received.count < 64 * 1024 {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    received += buffer[0..<count]
                } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    throw NATSError(kind: .timeout, status: .timeout, operation: operation, detail: "no INFO within \(timeout)")
                } else {
                    throw NATSError(kind: .invalidResponse, operation: operation,
                                    detail: "the server closed the connection before sending INFO (TLS-first server?)")
                }
            }
            guard let newline = received.firstIndex(of: 0x0A) else {
                throw NATSError(kind: .invalidResponse, operation: operation, detail: "INFO line longer than 64 KiB")
            }
            return String(decoding: received[..<newline], as: UTF8.self)
        }
        throw NATSError(kind: .connectionRefused, operation: operation, detail: lastError)
    }
}
