import CNATS
import Dispatch
import Synchronization

/// Destroys a connection's subscriptions (and JetStream contexts) only once libnats' read loop
/// can no longer touch them.
///
/// libnats 3.4.1 (Debian's) looks a subscription up under the table lock, drops that lock, then
/// locks the subscription: destroying its last reference in between makes the read loop lock
/// freed memory (nats.c issue #637, fixed in 3.6.1). Dropping a subscription while messages for
/// it are arriving crashed within seconds here. So a retired subscription is unsubscribed at
/// once — later messages find no subscription — and destroyed only after a PING/PONG round trip
/// (the read loop handles its input in order: once it has seen the PONG, every message it had
/// looked up before is done) or, when that round trip fails, in the connection's closed
/// callback (libnats has joined the connection's threads by then).
final class SubscriptionReaper: Sendable {
    /// A libnats handle handed between threads; only libnats' thread-safe calls touch it.
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private struct State {
        var connection: Handle?
        var waiting: [Handle] = []
        /// JetStream contexts whose reply subscription libnats never unsubscribes before freeing.
        var atClose: [Handle] = []
        var reaping = false
        var closed = false
    }

    private let state = Mutex(State())
    private static let flushTimeoutMilliseconds: Int64 = 5_000
    private static let retryAfter: DispatchTimeInterval = .seconds(1)

    /// Unsubscribes `subscription` now and destroys it when that is safe. For a bound JetStream
    /// subscription, unsubscribing keeps the consumer: libnats deletes only consumers it created
    /// itself, and this module never lets it create one.
    func retire(subscription: OpaquePointer, connection: OpaquePointer) {
        _ = natsSubscription_Unsubscribe(subscription)
        let startReaping = state.withLock { state -> Bool? in
            if state.closed { return nil }
            state.connection = Handle(pointer: connection)
            state.waiting.append(Handle(pointer: subscription))
            if state.reaping { return false }
            state.reaping = true
            return true
        }
        switch startReaping {
        case nil: natsSubscription_Destroy(subscription)
        case true?: schedule(after: nil)
        case false?: break
        }
    }

    /// Destroys `context` when the connection has closed: its reply subscription (for async
    /// publish acks) is unsubscribed only inside `jsCtx_Destroy`, so no round trip makes it safe.
    func retireAtClose(jetStream context: OpaquePointer) {
        let destroyNow = state.withLock { state -> Bool in
            if state.closed { return true }
            state.atClose.append(Handle(pointer: context))
            return false
        }
        if destroyNow { jsCtx_Destroy(context) }
    }

    /// Called from the connection's closed callback: every libnats thread of the connection has
    /// been joined, so everything still waiting is destroyed now.
    func connectionClosed() {
        let (subscriptions, contexts) = state.withLock { state in
            state.closed = true
            defer {
                state.waiting = []
                state.atClose = []
            }
            return (state.waiting, state.atClose)
        }
        for handle in subscriptions { natsSubscription_Destroy(handle.pointer) }
        for handle in contexts { jsCtx_Destroy(handle.pointer) }
    }

    private func schedule(after delay: DispatchTimeInterval?) {
        let work: @Sendable () -> Void = { [self] in
            reap()
            // The reap ran libnats calls on a Dispatch worker, which outlives it.
            nats_ReleaseThreadMemory()
        }
        if let delay {
            BlockingCalls.queue.asyncAfter(deadline: .now() + delay, execute: work)
        } else {
            BlockingCalls.queue.async(execute: work)
        }
    }

    private func reap() {
        let (batch, connection) = state.withLock { state in
            defer { state.waiting = [] }
            return (state.waiting, state.connection)
        }
        // Every handle in `batch` holds a reference on the connection, so `connection` is valid.
        let roundTrip = batch.isEmpty || connection.map {
            natsConnection_FlushTimeout($0.pointer, Self.flushTimeoutMilliseconds) == NATS_OK
        } ?? false
        let (destroy, again) = state.withLock { state -> ([Handle], Bool) in
            let destroy: [Handle]
            if roundTrip || state.closed {
                destroy = batch
            } else {
                state.waiting.insert(contentsOf: batch, at: 0)
                destroy = []
            }
            let again = !state.waiting.isEmpty && !state.closed
            if !again { state.reaping = false }
            return (destroy, again)
        }
        for handle in destroy { natsSubscription_Destroy(handle.pointer) }
        // After a failed round trip (disconnected, reconnecting) try again a little later.
        if again { schedule(after: roundTrip ? nil : Self.retryAfter) }
    }
}
