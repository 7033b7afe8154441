import CNATS

/// JetStream delivery metadata of a fetched message (from its `$JS.ACK...` reply subject).
public struct JetStreamMessageMetadata: Sendable, Equatable {
    public var stream: String
    public var consumer: String
    public var streamSequence: UInt64
    public var consumerSequence: UInt64
    /// 1 on first delivery, 2 on the first redelivery, ...
    public var numDelivered: UInt64
    /// Messages still pending for the consumer after this one.
    public var numPending: UInt64
    /// Stored time, nanoseconds since the Unix epoch.
    public var timestamp: Int64
    public var domain: String?

    init?(copying msg: OpaquePointer) {
        var meta: UnsafeMutablePointer<jsMsgMetaData>?
        guard natsMsg_GetMetaData(&meta, msg) == NATS_OK, let meta else { return nil }
        defer { jsMsgMetaData_Destroy(meta) }
        let value = meta.pointee
        stream = value.Stream.map { String(cString: $0) } ?? ""
        consumer = value.Consumer.map { String(cString: $0) } ?? ""
        streamSequence = value.Sequence.Stream
        consumerSequence = value.Sequence.Consumer
        numDelivered = value.NumDelivered
        numPending = value.NumPending
        timestamp = value.Timestamp
        domain = value.Domain.map { String(cString: $0) }
    }
}

/// A message fetched from a pull consumer, copied out of libnats, with its acknowledgements.
///
/// Acks are the JetStream ack protocol published to the message's reply subject (what
/// `natsMsg_Ack` and friends send), so the C message can be destroyed right after copying.
/// They are fire-and-forget; `flush()` the connection to be sure the server got them.
public struct JetStreamMessage: Sendable {
    public let message: NATSMessage
    public let metadata: JetStreamMessageMetadata
    let connection: NATSConnection

    public var subject: String { message.subject }
    public var headers: NATSHeaders { message.headers }
    public var data: [UInt8] { message.data }

    /// Done with it.
    public func ack() throws(NATSError) { try send("+ACK") }

    /// Redeliver, now or after `delay`.
    public func nak(delay: Duration? = nil) throws(NATSError) {
        if let delay {
            try send("-NAK {\"delay\": \(delay.nanoseconds)}")
        } else {
            try send("-NAK")
        }
    }

    /// Still working on it: resets the ack wait timer.
    public func inProgress() throws(NATSError) { try send("+WPI") }

    /// Never redeliver.
    public func term() throws(NATSError) { try send("+TERM") }

    private func send(_ body: String) throws(NATSError) {
        guard let reply = message.reply else {
            throw NATSError(kind: .invalidArgument, operation: "ack \(metadata.stream)/\(metadata.consumer)",
                            detail: "the message has no reply subject (not from JetStream?)")
        }
        try connection.publish(subject: reply, data: Array(body.utf8))
    }
}
