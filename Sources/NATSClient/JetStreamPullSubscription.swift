import CNATS
import Dispatch

/// A pull consumer subscription. `fetch` waits on a private serial queue (libnats' fetch blocks),
/// never on Swift's cooperative pool.
public final class JetStreamPullSubscription: @unchecked Sendable {
    // @unchecked Sendable: `handle` is set once and destroyed only in deinit; fetches are
    // serialised on `queue`, libnats' other subscription calls are thread-safe.
    let handle: OpaquePointer
    let connection: NATSConnection
    private let queue = DispatchQueue(label: "NATSClient.pull-fetch")
    /// `stream/consumer` (or the durable name), for error messages.
    public let name: String

    init(handle: OpaquePointer, connection: NATSConnection, name: String) {
        self.handle = handle
        self.connection = connection
        self.name = name
    }

    /// Unsubscribes; the consumer stays on the server. The C subscription is freed once libnats'
    /// read loop is past it (see `SubscriptionReaper`).
    deinit { connection.callbacks.reaper.retire(subscription: handle, connection: connection.handle) }

    /// Up to `batch` messages, waiting at most `timeout`; an empty array when none arrived.
    public func fetch(batch: Int, timeout: Duration) async throws(NATSError) -> [JetStreamMessage] {
        let name = self.name
        let connection = self.connection
        return try await BlockingCalls.run(on: queue) { [self] () throws(NATSError) -> [JetStreamMessage] in
            var list = natsMsgList()
            var errorCode = jsErrCode(0)
            let status = natsSubscription_Fetch(&list, self.handle, Int32(batch), timeout.milliseconds, &errorCode)
            defer { natsMsgList_Destroy(&list) }
            if status == NATS_TIMEOUT && list.Count == 0 { return [] }
            try check(status, "fetch \(name)")
            var messages: [JetStreamMessage] = []
            messages.reserveCapacity(Int(list.Count))
            for index in 0..<Int(list.Count) {
                guard let msg = list.Msgs[index] else { continue }
                guard let metadata = JetStreamMessageMetadata(copying: msg) else { continue }
                messages.append(JetStreamMessage(message: NATSMessage(copying: msg), metadata: metadata,
                                                 connection: connection))
            }
            return messages
        }
    }
}
