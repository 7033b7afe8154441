import Foundation
import Synchronization

/// Hears about an apply while it runs (progress lines, tests).
public protocol ApplyReporter: Sendable {
    /// Called once per executable resource, as it finishes; `done` of `total` finished so far.
    func finished(_ result: ResourceResult, done: Int, total: Int)
}

/// Progress on stderr for long applies: nothing under `minimumTotal` steps, otherwise a line at most
/// every `interval` and one at the end, plus every failure as it happens.
public final class StderrProgressReporter: ApplyReporter {
    public let minimumTotal: Int
    public let interval: Duration
    private let state = Mutex((lastLine: ContinuousClock.now, failed: 0))

    public init(minimumTotal: Int = 20, interval: Duration = .seconds(1)) {
        self.minimumTotal = minimumTotal
        self.interval = interval
    }

    public func finished(_ result: ResourceResult, done: Int, total: Int) {
        let line: String? = state.withLock { state in
            if !result.succeeded {
                state.failed += 1
                return "applying: \(result)"
            }
            guard total >= minimumTotal else { return nil }
            let now = ContinuousClock.now
            guard done == total || now - state.lastLine >= interval else { return nil }
            state.lastLine = now
            return "applying: \(done)/\(total) done" + (state.failed > 0 ? ", \(state.failed) failed" : "")
        }
        if let line { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
