import Foundation
import HodeiPlan
import HodeiProvision
import NATSServerControl
import Testing

@Suite("apply lock and history through a profile")
struct JournalIntegrationTests {
    @Test("an apply's record lands in the first tenant's bucket with per-resource results, newest first")
    func recordsApplies() async throws {
        try await withNATSServer { server in
            let text = OpsProfile.text(url: server.url, environment: "ci", streams: OpsProfile.standard)
            let reconciler = Reconciler(profile: try OpsProfile.load(text))
            let bookkeeping = try await ApplyBookkeeping.open(reconciler)
            #expect(bookkeeping.tenant == "acme")
            let lease = try await bookkeeping.lock().acquire()
            let started = Date()
            let planned = await reconciler.plan()
            let report = await reconciler.apply(planned.plan)
            let record = ApplyRecord(plan: planned.plan, report: report, profilePath: "profiles/ci.profile",
                                     profileHash: reconciler.profileHash, startedAt: started)
            try await bookkeeping.journal.record(record)
            try await lease.release()

            // A second run: nothing to do, still recorded by a caller that chooses to.
            let second = await reconciler.plan()
            #expect(!second.plan.hasChanges)
            let noop = ApplyRecord(plan: second.plan, report: nil, profilePath: "profiles/ci.profile",
                                   profileHash: reconciler.profileHash, startedAt: Date())
            try await bookkeeping.journal.record(noop)

            let history = try await bookkeeping.journal.history(environment: "ci")
            await reconciler.close()
            #expect(history.map(\.outcome) == [.nothingToDo, .succeeded])
            let applied = try #require(history.last)
            #expect(applied.summary.create == 5)
            #expect(applied.results.count == 5)
            #expect(applied.results.allSatisfy { $0.result == .ok })
            #expect(applied.profileHash == reconciler.profileHash)
            #expect(applied.operator.contains("@"))
        }
    }
}
