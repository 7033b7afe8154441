import Synchronization

/// Fires once with a process' exit status; any number of awaiters, each with a deadline.
final class ExitSignal: Sendable {
    private struct State {
        var status: Int32?
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        var next: UInt64 = 0
    }

    private let state = Mutex(State())

    var status: Int32? { state.withLock { $0.status } }

    func fire(_ status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume(returning: true) }
    }

    /// True once exited, false if `timeout` passed first.
    func wait(timeout: Duration) async -> Bool {
        let id: UInt64 = state.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.timeOut(id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                if state.status != nil { return true }
                state.waiters[id] = continuation
                return false
            }
            if done { continuation.resume(returning: true) }
        }
    }

    private func timeOut(_ id: UInt64) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.resume(returning: false)
    }
}
