import CNATS

/// A libnats status code (`natsStatus`) as a Swift value. Compare against the static members;
/// `description` is libnats' own text for the code.
public struct NATSStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }
    init(_ status: natsStatus) { self.rawValue = status.rawValue }

    var cValue: natsStatus { natsStatus(rawValue: rawValue) }

    public static let ok = NATSStatus(NATS_OK)
    public static let err = NATSStatus(NATS_ERR)
    public static let protocolError = NATSStatus(NATS_PROTOCOL_ERROR)
    public static let ioError = NATSStatus(NATS_IO_ERROR)
    public static let connectionClosed = NATSStatus(NATS_CONNECTION_CLOSED)
    public static let noServer = NATSStatus(NATS_NO_SERVER)
    public static let staleConnection = NATSStatus(NATS_STALE_CONNECTION)
    public static let secureConnectionRequired = NATSStatus(NATS_SECURE_CONNECTION_REQUIRED)
    public static let connectionDisconnected = NATSStatus(NATS_CONNECTION_DISCONNECTED)
    public static let connectionAuthFailed = NATSStatus(NATS_CONNECTION_AUTH_FAILED)
    public static let notPermitted = NATSStatus(NATS_NOT_PERMITTED)
    public static let notFound = NATSStatus(NATS_NOT_FOUND)
    public static let invalidArgument = NATSStatus(NATS_INVALID_ARG)
    public static let illegalState = NATSStatus(NATS_ILLEGAL_STATE)
    public static let timeout = NATSStatus(NATS_TIMEOUT)
    public static let sslError = NATSStatus(NATS_SSL_ERROR)
    public static let notYetConnected = NATSStatus(NATS_NOT_YET_CONNECTED)
    public static let draining = NATSStatus(NATS_DRAINING)
    public static let noResponders = NATSStatus(NATS_NO_RESPONDERS)
    public static let mismatch = NATSStatus(NATS_MISMATCH)

    public var description: String { String(cString: natsStatus_GetText(cValue)) }
}
