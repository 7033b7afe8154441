import Foundation

/// CPU time (user + system) from getrusage: of this process (all threads), or of the children
/// that have exited and been waited for — the peer programs, not the still-running nats-server.
enum CPUTime {
    static func ofThisProcess() -> Double { seconds(RUSAGE_SELF) }
    static func ofFinishedChildren() -> Double { seconds(RUSAGE_CHILDREN) }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        func value(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}
