import Foundation
import HodeiBus
import NATSServerControl
import Synchronization
import Testing

/// A consumer group under crashes: members (each its own `NatsBus`, as separate processes would be)
/// die at random after processing an event but before acking it, dropping whatever else they hold,
/// and are replaced. Every event must be processed at least once; the duplicates that
/// at-least-once implies are counted and reported. CI size 20,000 events; `scripts/soak.sh` sets
/// `HODEI_SOAK_EVENTS` (100,000 by default).
@Suite(.timeLimit(.minutes(4)))
struct GroupCrashTests {
    static var eventCount: Int {
        ProcessInfo.processInfo.environment["HODEI_SOAK_EVENTS"].flatMap { Int($0) } ?? 20_000
    }
    static let members = 4
    /// One crash per this many deliveries, on average, per member.
    static let crashEvery: UInt64 = 400

    @Test func everyEventIsProcessedAtLeastOnceWhileMembersCrash() async throws {
        let total = Self.eventCount
        try await withNATSServer { server in
            // Short ack wait: a dead member's events come back after 2 s; max_deliver high enough
            // that repeated crashes never exhaust an event.
            let options = NatsBusOptions(ackWait: .seconds(2), maxDeliver: 100, maxAckPending: 2_000, fetchBatch: 64,
                                         fetchExpiry: .milliseconds(250), streamCreation: .createIfMissing(storage: .file),
                                         reconnectWait: .milliseconds(100))
            let settings = NatsSettings(servers: [server.url], timeout: .seconds(5), stream: "HODEI_EVENTS")
            let publisher = try await NatsBus.connect(settings, options: options)
            let events = (0..<total).map { index in
                SystemEvent(tenant: "acme", .jobScheduled(JobScheduled(jobId: "job-\(index)", workerId: "pool")))
            }
            // The group exists before anything is published, so it sees every event.
            let first = try await publisher.subscribe(filter: .all, group: "workers")
            first.cancel()
            let started = ContinuousClock.now
            var unpublished = events[...]
            for _ in 0..<5 where !unpublished.isEmpty {
                var failed: [SystemEvent] = []
                for start in stride(from: unpublished.startIndex, to: unpublished.endIndex, by: 5_000) {
                    let batch = Array(unpublished[start..<min(start + 5_000, unpublished.endIndex)])
                    let outcomes = await publisher.publish(batch: batch)
                    for (event, outcome) in zip(batch, outcomes) {
                        if case .failure = outcome.result { failed.append(event) }
                    }
                }
                unpublished = failed[...]
            }
            try #require(unpublished.isEmpty, "\(unpublished.count) events could not be published")

            let tally = GroupTally(expected: Set(events.map(\.id)))
            let complete = await withTaskGroup(of: Bool?.self) { group in
                for member in 0..<Self.members {
                    group.addTask {
                        await Self.runMember(member, settings: settings, options: options, tally: tally)
                        return nil
                    }
                }
                group.addTask { await tally.waitUntilComplete(timeout: .seconds(180)) }
                var complete = false
                while let result = await group.next() {
                    if let result {
                        complete = result
                        group.cancelAll()
                    }
                }
                return complete
            }
            await publisher.close()
            let figures = tally.figures
            #expect(complete, "\(figures.unique) of \(total) events processed")
            #expect(figures.unique == total)
            #expect(figures.unknown == 0)
            #expect(figures.crashes > 0)
            print("""
                group-crash figures: \(total) events, \(Self.members) members, \(figures.crashes) crashes, \
                \(figures.processed) processings, \(figures.processed - figures.unique) duplicates, \
                \(figures.redeliveries) redelivered deliveries, in \(ContinuousClock.now - started)
                """)
        }
    }

    /// One member slot: connect, join the group, process; at random "crash" (close the bus after
    /// processing an event, without acking it or anything else held) and start again.
    static func runMember(_ member: Int, settings: NatsSettings, options: NatsBusOptions, tally: GroupTally) async {
        var random = UInt64(0x6752_4F55_5000 + member)
        while !Task.isCancelled, !tally.isComplete {
            guard let bus = try? await NatsBus.connect(settings, options: options),
                  let subscription = try? await bus.subscribe(filter: .all, group: "workers") else {
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            var crashed = false
            for await delivery in subscription {
                tally.processed(delivery.event.id, attempt: delivery.deliveryAttempt)
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if (random >> 33) % crashEvery == 0 {
                    crashed = true
                    break
                }
                try? await delivery.ack()
                if tally.isComplete { break }
            }
            // A crash: no ack for the event just processed nor for the rest of the fetched batch.
            subscription.cancel()
            await bus.close()
            if crashed { tally.crashed() }
        }
    }
}

/// What the group processed: counts per event id, crashes, redeliveries; wakes the waiter once
/// every expected id was processed.
final class GroupTally: Sendable {
    struct Figures {
        var unique = 0
        var processed = 0
        var unknown = 0
        var crashes = 0
        var redeliveries = 0
    }

    private let expected: Set<UUID>
    private let state = Mutex((seen: Set<UUID>(), figures: Figures()))
    private let done: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init(expected: Set<UUID>) {
        self.expected = expected
        (done, signal) = AsyncStream.makeStream(of: Void.self)
    }

    var isComplete: Bool { state.withLock { $0.seen.count == expected.count } }
    var figures: Figures { state.withLock { $0.figures } }

    func processed(_ id: UUID, attempt: Int) {
        let completed = state.withLock { state -> Bool in
            state.figures.processed += 1
            if attempt > 1 { state.figures.redeliveries += 1 }
            guard expected.contains(id) else {
                state.figures.unknown += 1
                return false
            }
            guard state.seen.insert(id).inserted else { return false }
            state.figures.unique += 1
            return state.seen.count == expected.count
        }
        if completed { signal.yield() }
    }

    func crashed() { state.withLock { $0.figures.crashes += 1 } }

    /// True once every expected event was processed; false after `timeout`.
    func waitUntilComplete(timeout: Duration) async -> Bool {
        if isComplete { return true }
        let done = self.done
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in done { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first || isComplete
        }
    }
}
