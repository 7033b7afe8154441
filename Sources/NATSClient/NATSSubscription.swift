import CNATS

/// Messages of one subscription as an `AsyncSequence`.
///
/// The sequence ends when the subscription is unsubscribed or drained, when the connection
/// closes, or when the subscription object is released (its `deinit` unsubscribes). An iterator
/// keeps the subscription alive. Messages are buffered without limit until consumed: consume
/// promptly or unsubscribe.
public final class NATSSubscription: AsyncSequence, @unchecked Sendable {
    // @unchecked Sendable: `handle` is set once and libnats' subscription calls are thread-safe;
    // it is retired only in deinit, when no other reference exists.
    public typealias Element = NATSMessage

    let handle: OpaquePointer
    /// Valid as long as `handle` is: a libnats subscription holds a reference on its connection.
    private let connection: OpaquePointer
    private let reaper: SubscriptionReaper
    public let subject: String
    private let stream: AsyncStream<NATSMessage>

    init(connection: OpaquePointer, reaper: SubscriptionReaper, subject: String, queue: String?) throws(NATSError) {
        let (stream, continuation) = AsyncStream.makeStream(of: NATSMessage.self)
        let sink = SubscriptionSink(continuation)
        let context = Unmanaged.passRetained(sink).toOpaque()
        var subscription: OpaquePointer?
        let status: natsStatus
        if let queue {
            status = natsConnection_QueueSubscribe(&subscription, connection, subject, queue, sinkMessage, context)
        } else {
            status = natsConnection_Subscribe(&subscription, connection, subject, sinkMessage, context)
        }
        guard status == NATS_OK, let subscription else {
            Unmanaged<SubscriptionSink>.fromOpaque(context).release()  // libnats never saw it
            throw NATSError.fromStatus(status, operation: "subscribe \(subject)")
        }
        // Fails only if already closed by another thread; then keep the retain (safe, tiny leak).
        _ = natsSubscription_SetOnCompleteCB(subscription, sinkComplete, context)
        _ = natsSubscription_SetPendingLimits(subscription, -1, -1)
        self.handle = subscription
        self.connection = connection
        self.reaper = reaper
        self.subject = subject
        self.stream = stream
    }

    /// Unsubscribes now; the reaper frees the C subscription once libnats' read loop is past it.
    deinit { reaper.retire(subscription: handle, connection: connection) }

    /// Stops delivery; the sequence ends after messages already received.
    public func unsubscribe() throws(NATSError) {
        let status = natsSubscription_Unsubscribe(handle)
        if status != NATS_OK && status != NATS_INVALID_SUBSCRIPTION && status != NATS_CONNECTION_CLOSED {
            throw NATSError.fromStatus(status, operation: "unsubscribe \(subject)")
        }
    }

    /// Unsubscribes but delivers what is already in flight; the sequence then ends.
    public func drain() throws(NATSError) {
        try check(natsSubscription_Drain(handle), "drain \(subject)")
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let owner: NATSSubscription  // keeps the subscription alive while iterating
        var base: AsyncStream<NATSMessage>.AsyncIterator
        public mutating func next() async -> NATSMessage? { await base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(owner: self, base: stream.makeAsyncIterator())
    }
}

/// The context libnats passes to a subscription's callbacks: retained once at subscribe, released
/// in the completion callback (after the last message callback returned).
final class SubscriptionSink: Sendable {
    let continuation: AsyncStream<NATSMessage>.Continuation
    init(_ continuation: AsyncStream<NATSMessage>.Continuation) { self.continuation = continuation }
}

private func sinkMessage(_: OpaquePointer?, _: OpaquePointer?, _ msg: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let msg else { return }
    let message = NATSMessage(copying: msg)
    natsMsg_Destroy(msg)
    guard let context else { return }
    Unmanaged<SubscriptionSink>.fromOpaque(context).takeUnretainedValue().continuation.yield(message)
}

private func sinkComplete(_ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<SubscriptionSink>.fromOpaque(context).takeRetainedValue().continuation.finish()
}
