import CNATS

/// Every failure of NATSClient. `kind` says what went wrong in a way callers can switch on;
/// `status` and `lastError` carry libnats' own code and text; `operation` says where (for example
/// `connect nats://127.0.0.1:4222` or `fetch HODEI_EVENTS/workers`). Secrets never appear here.
public struct NATSError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, stable enough to branch on.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }

        /// A libnats call failed; see `status`.
        public static let libnats = Kind(name: "libnats")
        /// The server refused the credentials (wrong password, unknown nkey, bad JWT...).
        public static let authorizationViolation = Kind(name: "authorization violation")
        /// Nothing accepted the connection at any of the URLs (NATS_NO_SERVER).
        public static let connectionRefused = Kind(name: "connection refused")
        /// A deadline passed.
        public static let timeout = Kind(name: "timeout")
        /// A request reached a subject nobody listens on.
        public static let noResponders = Kind(name: "no responders")
        /// The connection is closed (or closed while the operation was waiting).
        public static let connectionClosed = Kind(name: "connection closed")
        /// A file named in the options is missing or unreadable; see `path`.
        public static let fileUnreadable = Kind(name: "file unreadable")
        /// TLS handshake or certificate failure.
        public static let tls = Kind(name: "tls")
        /// JetStream answered with an API error; see `jetStreamCode` / `jetStreamErrorCode`.
        public static let jetStream = Kind(name: "jetstream api error")
        /// A reply could not be decoded.
        public static let invalidResponse = Kind(name: "invalid response")
        /// The caller passed something unusable.
        public static let invalidArgument = Kind(name: "invalid argument")
    }

    public var kind: Kind
    /// libnats status of the failing call (`.ok` when the failure did not come from libnats).
    public var status: NATSStatus
    /// What was being done, and on what.
    public var operation: String
    /// libnats' last-error text or the server's description.
    public var detail: String
    /// The file for `.fileUnreadable`.
    public var path: String?
    /// JetStream API error: HTTP-like `code` and the specific `err_code` (e.g. 10058).
    public var jetStreamCode: Int?
    public var jetStreamErrorCode: Int?

    public init(
        kind: Kind, status: NATSStatus = .ok, operation: String, detail: String,
        path: String? = nil, jetStreamCode: Int? = nil, jetStreamErrorCode: Int? = nil
    ) {
        self.kind = kind
        self.status = status
        self.operation = operation
        self.detail = detail
        self.path = path
        self.jetStreamCode = jetStreamCode
        self.jetStreamErrorCode = jetStreamErrorCode
    }

    public var description: String {
        var text = "\(operation): \(kind)"
        if status != .ok { text += " (\(status))" }
        if !detail.isEmpty { text += ": \(detail)" }
        if let path { text += " [file: \(path)]" }
        if let jetStreamErrorCode { text += " [err_code \(jetStreamErrorCode)]" }
        switch kind {
        case .authorizationViolation: text += " — check the user, password, token, nkey or creds file"
        case .connectionRefused: text += " — is nats-server running and listening on that address?"
        case .fileUnreadable: text += " — check the path and its permissions"
        default: break
        }
        return text
    }

    /// Builds the error for a failed libnats call: the status, the thread's last-error text, and a
    /// kind derived from both (auth failures are reported as NATS_NOT_PERMITTED or as an
    /// "Authorization Violation" text, depending on when the server says it).
    static func fromStatus(_ status: natsStatus, operation: @autoclosure () -> String) -> NATSError {
        var lastStatus = NATS_OK
        let textPointer = nats_GetLastError(&lastStatus)
        let detail = textPointer.map { String(cString: $0) } ?? ""
        let swiftStatus = NATSStatus(status)
        return NATSError(kind: kind(for: swiftStatus, detail: detail), status: swiftStatus,
                         operation: operation(), detail: detail)
    }

    static func kind(for status: NATSStatus, detail: String) -> Kind {
        let lower = detail.lowercased()
        if status == .notPermitted || status == .connectionAuthFailed
            || lower.contains("authorization violation") || lower.contains("authentication")
        {
            return .authorizationViolation
        }
        switch status {
        case .noServer: return .connectionRefused
        case .timeout: return .timeout
        case .noResponders: return .noResponders
        case .connectionClosed: return .connectionClosed
        case .sslError, .secureConnectionRequired: return .tls
        case .invalidArgument: return .invalidArgument
        default: return .libnats
        }
    }
}

/// Runs one libnats call and turns a non-OK status into a `NATSError`.
@inline(__always)
func check(_ status: natsStatus, _ operation: @autoclosure () -> String) throws(NATSError) {
    if status != NATS_OK {
        throw NATSError.fromStatus(status, operation: operation())
    }
}
