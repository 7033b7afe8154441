import CNATS
import Synchronization

/// The context libnats passes to a connection's disconnected/reconnected/closed callbacks.
/// Retained once when handed to libnats; that retain is released in the closed callback, the
/// last callback of a connection. It also keeps alive objects whose C callbacks may run until the
/// connection closes (JetStream ack handlers).
final class ConnectionCallbacks: Sendable {
    private struct State {
        var listeners: [UInt64: AsyncStream<NATSConnectionEvent>.Continuation] = [:]
        var nextListener: UInt64 = 0
        var isClosed = false
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
        var keepAlive: [any Sendable & AnyObject] = []
    }

    private let state = Mutex(State())
    /// Destroys this connection's dropped subscriptions when libnats can no longer touch them.
    let reaper = SubscriptionReaper()

    func events() -> NATSConnectionEvents {
        let (stream, continuation) = AsyncStream.makeStream(of: NATSConnectionEvent.self)
        let alreadyClosed = state.withLock { state -> Bool in
            if state.isClosed { return true }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            }
            return false
        }
        if alreadyClosed {
            continuation.yield(.closed)
            continuation.finish()
        }
        return NATSConnectionEvents(stream: stream)
    }

    var isClosed: Bool { state.withLock { $0.isClosed } }

    /// Keeps `object` alive until the connection is closed.
    func keepAlive(_ object: any Sendable & AnyObject) {
        state.withLock { $0.keepAlive.append(object) }
    }

    /// Suspends until the closed callback ran.
    func waitUntilClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let closed = state.withLock { state -> Bool in
                if state.isClosed { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if closed { continuation.resume() }
        }
    }

    fileprivate func emit(_ event: NATSConnectionEvent) {
        let listeners = state.withLock { Array($0.listeners.values) }
        for listener in listeners { listener.yield(event) }
    }

    fileprivate func markClosed() {
        // Before waking `close()`: once it returns, everything the connection owned is freed.
        reaper.connectionClosed()
        let (listeners, waiters, kept) = state.withLock { state in
            state.isClosed = true
            defer {
                state.listeners = [:]
                state.closeWaiters = []
                state.keepAlive = []
            }
            return (Array(state.listeners.values), state.closeWaiters, state.keepAlive)
        }
        for listener in listeners {
            listener.yield(.closed)
            listener.finish()
        }
        for waiter in waiters { waiter.resume() }
        _ = kept  // released here, after the connection can no longer call into them
    }

    /// Registers the callbacks on `options`, handing libnats one retain of `self`.
    func install(on options: OpaquePointer) throws(NATSError) -> UnsafeMutableRawPointer {
        let context = Unmanaged.passRetained(self).toOpaque()
        do throws(NATSError) {
            try check(natsOptions_SetDisconnectedCB(options, connectionDisconnected, context), "set disconnected callback")
            try check(natsOptions_SetReconnectedCB(options, connectionReconnected, context), "set reconnected callback")
            try check(natsOptions_SetClosedCB(options, connectionClosed, context), "set closed callback")
        } catch {
            Unmanaged<ConnectionCallbacks>.fromOpaque(context).release()
            throw error
        }
        return context
    }
}

private func connectionDisconnected(_: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionCallbacks>.fromOpaque(context).takeUnretainedValue().emit(.disconnected)
}

private func connectionReconnected(_: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionCallbacks>.fromOpaque(context).takeUnretainedValue().emit(.reconnected)
}

/// The closed callback is libnats' completion callback for a connection: no other connection
/// callback runs after it, so the retain handed over in `install` is released here.
private func connectionClosed(_: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionCallbacks>.fromOpaque(context).takeRetainedValue().markClosed()
}
