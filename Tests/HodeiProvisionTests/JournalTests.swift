import Foundation
import HodeiProvision
import Testing

@Suite("Apply journal on a real server")
struct JournalTests {
    func record(_ environment: String, at time: Date, created: Int) -> ApplyRecord {
        ApplyRecord(time: time, environment: environment, profilePath: "profiles/\(environment).profile",
                    profileHash: String(repeating: "ab", count: 32), operator: "ci@runner",
                    summary: .init(create: created), results: [
                        .init(address: "acme/HODEI_EVENTS", action: "create", result: .ok),
                        .init(address: "acme/HODEI_EVENTS/job-processors", action: "create", result: .failed,
                              message: "consumer limit reached"),
                    ],
                    durationSeconds: 0.25, outcome: .partial)
    }

    @Test("history lists an environment's records newest first, honours the limit, round-trips every field")
    func newestFirst() async throws {
        try await withJetStream { js in
            let journal = ApplyJournal(bucket: ProvisionBucket(jetStream: js))
            #expect(try await journal.history(environment: "prod").isEmpty)
            let base = Date(timeIntervalSince1970: 1_800_000_000)
            // Written out of order: the listing sorts by time, not by write order.
            for offset in [20, 0, 40, 10, 30] {
                try await journal.record(record("prod", at: base.addingTimeInterval(Double(offset)), created: offset))
            }
            try await journal.record(record("staging", at: base.addingTimeInterval(100), created: 99))

            let all = try await journal.history(environment: "prod")
            #expect(all.map(\.summary.create) == [40, 30, 20, 10, 0])
            let two = try await journal.history(environment: "prod", limit: 2)
            #expect(two.map(\.summary.create) == [40, 30])
            #expect(try await journal.history(environment: "staging").map(\.summary.create) == [99])

            let newest = try #require(all.first)
            #expect(newest == record("prod", at: base.addingTimeInterval(40), created: 40).with(id: newest.id))
            #expect(newest.results[1].message == "consumer limit reached")
        }
    }

    @Test("a record's key is never overwritten")
    func neverOverwritten() async throws {
        try await withJetStream { js in
            let journal = ApplyJournal(bucket: ProvisionBucket(jetStream: js))
            let first = record("dev", at: Date(), created: 1)
            try await journal.record(first)
            var clash = record("dev", at: Date(), created: 2)
            clash.id = first.id
            await #expect(throws: ProvisionBucketError.self) { try await journal.record(clash) }
            #expect(try await journal.history(environment: "dev").map(\.summary.create) == [1])
        }
    }

    @Test("record ids sort by time", arguments: [(0.0, 1.0), (1.0, 60.0), (59.999, 60.0)])
    func idsSort(earlier: Double, later: Double) {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        let a = ApplyRecord.makeID(time: base.addingTimeInterval(earlier))
        let b = ApplyRecord.makeID(time: base.addingTimeInterval(later))
        #expect(a < b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" })
    }
}

extension ApplyRecord {
    func with(id: String) -> ApplyRecord {
        var copy = self
        copy.id = id
        return copy
    }
}
