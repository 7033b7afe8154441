/// One message for `JetStreamContext.publishBatch`.
public struct JetStreamOutgoingMessage: Sendable {
    public var subject: String
    public var data: [UInt8]
    /// Sent as `Nats-Msg-Id`: the stream drops a repeat within its duplicate window.
    public var msgId: String?
    public var headers: NATSHeaders?

    public init(subject: String, data: [UInt8], msgId: String? = nil, headers: NATSHeaders? = nil) {
        self.subject = subject
        self.data = data
        self.msgId = msgId
        self.headers = headers
    }
}

/// The reusable buffers `JetStreamContext.publishBatch(count:ackTimeout:build:)` hands its
/// builder for each message. Append to `payload` and `msgId` (both start empty; their capacity
/// is kept from one message to the next) and set `subject`.
public struct JetStreamMessageBuilder: Sendable {
    public var subject: String = ""
    public var payload: [UInt8] = []
    /// UTF-8 of `Nats-Msg-Id`, without a terminating NUL; empty = no header.
    public var msgId: [UInt8] = []

    init() {
        payload.reserveCapacity(1024)
        msgId.reserveCapacity(64)
    }
}

/// What happened to one message of a batch.
public enum JetStreamPublishOutcome: Sendable {
    case acked(PubAck)
    case failed(NATSError)
}

/// Per-message outcomes of a batch, in input order. Stored compactly (a batch may hold
/// hundreds of thousands of messages); `self[i]` builds the outcome on demand.
public struct JetStreamBatchResult: RandomAccessCollection, Sendable {
    struct Ack {
        var sequence: UInt64
        var streamIndex: UInt32
        var state: UInt8  // 0 pending, 1 stored, 2 duplicate, 3 failed
    }

    var acks: [Ack]
    var streams: [String]
    var errors: [Int: NATSError]

    public var startIndex: Int { 0 }
    public var endIndex: Int { acks.count }

    public subscript(position: Int) -> JetStreamPublishOutcome {
        let ack = acks[position]
        switch ack.state {
        case 1, 2:
            return .acked(PubAck(stream: streams[Int(ack.streamIndex)], sequence: ack.sequence, duplicate: ack.state == 2))
        default:
            return .failed(errors[position] ?? NATSError(kind: .timeout, status: .timeout,
                                                         operation: "publish batch message \(position)",
                                                         detail: "no ack received"))
        }
    }

    /// Messages the stream stored (acked, not duplicates).
    public var storedCount: Int { acks.count { $0.state == 1 } }
    public var duplicateCount: Int { acks.count { $0.state == 2 } }
    public var failedCount: Int { acks.count { $0.state != 1 && $0.state != 2 } }
    /// Indices and errors of the messages that failed.
    public var failures: [(index: Int, error: NATSError)] {
        indices.compactMap { index in
            if case .failed(let error) = self[index] { return (index, error) }
            return nil
        }
    }
}
