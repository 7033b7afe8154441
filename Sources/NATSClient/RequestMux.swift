import CNATS
import Dispatch
import Synchronization

/// One wildcard reply subscription per connection (`<inbox prefix>.<random>.*`) that routes each
/// reply by its last token to the waiting request. Requests therefore never block a thread and
/// thousands can be in flight at once. The context handed to libnats is this object, retained
/// once and released in the subscription's completion callback.
final class RequestMux: Sendable {
    typealias Waiter = CheckedContinuation<Result<NATSMessage, NATSError>, Never>

    private struct State {
        var nextID: UInt64 = 1
        var waiters: [UInt64: (waiter: Waiter, subject: String)] = [:]
        var closed = false
    }

    /// `<prefix>.<random>.` — a request's reply subject is this plus its id.
    let replyPrefix: String
    private let state = Mutex(State())
    private static let timers = DispatchQueue(label: "NATSClient.request-timeouts")

    init(inboxPrefix: String) {
        replyPrefix = "\(inboxPrefix).\(String(UInt64.random(in: 1...UInt64.max), radix: 36))."
    }

    /// Subscribes the mux on `connection`; the returned subscription is owned by the connection.
    func subscribe(on connection: OpaquePointer) throws(NATSError) -> OpaquePointer {
        var subscription: OpaquePointer?
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = natsConnection_Subscribe(&subscription, connection, replyPrefix + "*", muxMessage, context)
        guard status == NATS_OK, let subscription else {
            Unmanaged<RequestMux>.fromOpaque(context).release()  // libnats never saw it
            throw NATSError.fromStatus(status, operation: "subscribe request inbox")
        }
        // If this fails the subscription is already closed by another thread; keeping the retain
        // (a small leak) is the only safe choice since a last callback may still be running.
        _ = natsSubscription_SetOnCompleteCB(subscription, muxComplete, context)
        _ = natsSubscription_SetPendingLimits(subscription, -1, -1)
        return subscription
    }

    /// Registers a waiter and returns its reply subject; `timeout` later fails it if still waiting.
    func register(_ waiter: Waiter, timeout: Duration, subject: String) -> String? {
        let id: UInt64? = state.withLock { state in
            if state.closed { return nil }
            let id = state.nextID
            state.nextID += 1
            state.waiters[id] = (waiter, subject)
            return id
        }
        guard let id else {
            waiter.resume(returning: .failure(NATSError(
                kind: .connectionClosed, status: .connectionClosed, operation: "request \(subject)",
                detail: "the connection is closed")))
            return nil
        }
        let nanos = max(0, Int(clamping: timeout.nanoseconds))
        Self.timers.asyncAfter(deadline: .now() + .nanoseconds(nanos)) { [weak self] in
            self?.fail(id, NATSError(kind: .timeout, status: .timeout, operation: "request \(subject)",
                                     detail: "no reply within \(timeout)"))
        }
        return replyPrefix + String(id)
    }

    func fail(replySubject: String, _ error: NATSError) {
        guard let id = UInt64(replySubject.dropFirst(replyPrefix.utf8.count)) else { return }
        fail(id, error)
    }

    private func fail(_ id: UInt64, _ error: NATSError) {
        let entry = state.withLock { $0.waiters.removeValue(forKey: id) }
        entry?.waiter.resume(returning: .failure(error))
    }

    fileprivate func deliver(_ msg: OpaquePointer) {
        let subject = natsMsg_GetSubject(msg)!
        // The id is the text after the last dot.
        let id = UInt64(String(cString: subject).split(separator: ".").last ?? "")
        guard let id, let entry = state.withLock({ $0.waiters.removeValue(forKey: id) }) else { return }
        if natsMsg_IsNoResponders(msg) {
            entry.waiter.resume(returning: .failure(NATSError(
                kind: .noResponders, status: .noResponders, operation: "request \(entry.subject)",
                detail: "no subscriber for the request subject")))
        } else {
            entry.waiter.resume(returning: .success(NATSMessage(copying: msg)))
        }
    }

    fileprivate func closeAll() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for (waiter, subject) in waiters {
            waiter.resume(returning: .failure(NATSError(
                kind: .connectionClosed, status: .connectionClosed, operation: "request \(subject)",
                detail: "the connection closed before the reply arrived")))
        }
    }
}

private func muxMessage(_: OpaquePointer?, _: OpaquePointer?, _ msg: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let msg else { return }
    defer { natsMsg_Destroy(msg) }
    guard let context else { return }
    Unmanaged<RequestMux>.fromOpaque(context).takeUnretainedValue().deliver(msg)
}

/// Completion callback: the last call for this subscription, so the context retain ends here.
private func muxComplete(_ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<RequestMux>.fromOpaque(context).takeRetainedValue().closeAll()
}
