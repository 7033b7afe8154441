import Foundation
import Synchronization

/// Serialised, timestamped output lines (`+0.412s worker-a   took pl-1-job-2`).
final class DemoOutput: Sendable {
    private let start = ContinuousClock.now
    private let lock = Mutex(())

    func line(_ who: String, _ text: String) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let stamp = String(format: "+%6.3fs", seconds)
        lock.withLock { _ in
            print("\(stamp) \(who.padding(toLength: 9, withPad: " ", startingAt: 0)) \(text)")
        }
    }
}
