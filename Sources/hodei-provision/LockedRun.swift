import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProvision

/// The apply lock and the history record around one apply or destroy that sends changes.
/// Taken after the confirmation (a person thinking does not hold the lock), renewed while the
/// steps run, released at the end; the record is written before the release.
struct LockedRun {
    let bookkeeping: ApplyBookkeeping
    let lease: ApplyLockLease
    let startedAt: Date

    /// Takes the environment's lock (after removing a dead holder's with `forceUnlock`); exit 1
    /// with the holder's name when another apply runs.
    static func begin(_ reconciler: Reconciler, forceUnlock: Bool) async throws -> LockedRun {
        let bookkeeping: ApplyBookkeeping
        do {
            bookkeeping = try await ApplyBookkeeping.open(reconciler)
        } catch {
            StageReporter.printError("applying: cannot reach the apply lock: \(error); nothing was applied")
            throw StageReporter.exitCode(for: .applying)
        }
        let lock = bookkeeping.lock()
        do throws(ApplyLockError) {
            if forceUnlock, let removed = try await lock.forceUnlock() {
                StageReporter.printError("Removed the apply lock of \(bookkeeping.environment) held by \(removed.holder) "
                    + "since \(ISO8601DateFormatter().string(from: removed.acquiredAt)).")
            }
            let lease = try await lock.acquire()
            await lease.startRenewing()
            return LockedRun(bookkeeping: bookkeeping, lease: lease, startedAt: Date())
        } catch {
            StageReporter.printError("applying: \(error); nothing was applied")
            throw StageReporter.exitCode(for: .applying)
        }
    }

    /// Records the run and releases the lock. Failures here are reported, never hide the apply's result.
    func finish(plan: Plan, report: ApplyReport, profilePath: String, profileHash: String) async {
        let record = ApplyRecord(plan: plan, report: report, profilePath: profilePath, profileHash: profileHash,
                                 startedAt: startedAt)
        do {
            try await bookkeeping.journal.record(record)
        } catch {
            StageReporter.printError("warning: the apply was not recorded in the history: \(error)")
        }
        do throws(ApplyLockError) {
            try await lease.release()
        } catch {
            StageReporter.printError("warning: \(error)")
        }
    }
}
