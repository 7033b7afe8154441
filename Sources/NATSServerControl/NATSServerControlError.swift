/// Failures starting or stopping local nats-server processes; each says what to do about it.
public struct NATSServerControlError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case binaryNotFound
        case launchFailed
        case notReady
        case exitedEarly(status: Int32)
        case stopTimedOut
        case io
    }

    public var kind: Kind
    /// The binary, config file or directory involved.
    public var path: String
    public var detail: String

    public init(kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .binaryNotFound:
            "\(path): nats-server not found: \(detail) — set NATS_SERVER_BIN or run scripts/setup.sh"
        case .launchFailed:
            "\(path): could not launch nats-server: \(detail)"
        case .notReady:
            "\(path): nats-server did not report ready: \(detail) — see the log tail above"
        case .exitedEarly(let status):
            "\(path): nats-server exited with status \(status) before it was ready: \(detail)"
        case .stopTimedOut:
            "\(path): nats-server did not stop: \(detail)"
        case .io:
            "\(path): \(detail)"
        }
    }
}
