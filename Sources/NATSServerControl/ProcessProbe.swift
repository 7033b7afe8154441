import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Looks at processes that are not our children (detached servers) through /proc.
enum ProcessProbe {
    /// True when `pid` exists and is not a zombie (a zombie has exited; pid 1 in a container may
    /// never reap it).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // "pid (comm) S ..." — the state follows the last ')'.
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state != "Z"
    }

    /// The command line of `pid` (arguments joined by spaces), or nil if unreadable.
    static func commandLine(_ pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        return String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// Waits until `pid` is gone or `timeout` passes; true if gone. A process that is not our child
    /// gives no exit event we can await portably, so this looks every 50 ms within the bound.
    static func waitForExit(_ pid: Int32, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while isAlive(pid) {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
