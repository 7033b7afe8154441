import Foundation
import Synchronization

/// The output of one nats-server (all its runs), line by line, with waiters for a line that
/// contains some text. Fed by the pipe's readability handler on another thread.
final class ServerLog: Sendable {
    private struct Waiter {
        let text: String
        let fromLine: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var lines: [String] = []
        var partial = Data()
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    var lineCount: Int { state.withLock { $0.lines.count } }

    func tail(_ count: Int = 20) -> String {
        state.withLock { $0.lines.suffix(count).joined(separator: "\n") }
    }

    func append(_ chunk: Data) {
        let ready: [CheckedContinuation<Bool, Never>] = state.withLock { state in
            state.partial.append(chunk)
            while let newline = state.partial.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: state.partial[state.partial.startIndex..<newline], as: UTF8.self)
                state.partial.removeSubrange(state.partial.startIndex...newline)
                state.lines.append(line)
            }
            var matched: [CheckedContinuation<Bool, Never>] = []
            for (id, waiter) in state.waiters where Self.contains(state.lines, waiter.text, from: waiter.fromLine) {
                matched.append(waiter.continuation)
                state.waiters[id] = nil
            }
            return matched
        }
        ready.forEach { $0.resume(returning: true) }
    }

    /// Fails every waiter (the process ended).
    func failWaiters() {
        let all = state.withLock { state in
            defer { state.waiters = [:] }
            return state.waiters.values.map(\.continuation)
        }
        all.forEach { $0.resume(returning: false) }
    }

    /// True once a line at index ≥ `fromLine` contains `text`; false on timeout or process end.
    func waitFor(_ text: String, fromLine: Int, timeout: Duration) async -> Bool {
        let id: UInt64 = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.resolve(id, false)
        }
        defer { timer.cancel() }
        // Cancellation ends the wait at once (a caller racing several waits cancels the losers);
        // the flag is checked under the same lock `resolve` takes, so no cancel is missed.
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let outcome = state.withLock { state -> Bool? in
                    if Self.contains(state.lines, text, from: fromLine) { return true }
                    if Task.isCancelled { return false }
                    state.waiters[id] = Waiter(text: text, fromLine: fromLine, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(returning: outcome) }
            }
        } onCancel: {
            resolve(id, false)
        }
    }

    private func resolve(_ id: UInt64, _ value: Bool) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.continuation.resume(returning: value)
    }

    private static func contains(_ lines: [String], _ text: String, from index: Int) -> Bool {
        lines[min(index, lines.count)...].contains { $0.contains(text) }
    }
}
