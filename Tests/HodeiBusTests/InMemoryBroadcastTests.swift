import Foundation
import HodeiBus
import Testing

/// Broadcast subscriptions of `InMemoryBus`: order, fan-out, filters, lag, close, cancel.
struct InMemoryBroadcastTests {
    @Test func subscriberReceivesEveryEventInOrderWithItsSubject() async throws {
        let bus = InMemoryBus()
        let subscription = try await bus.subscribe()
        for n in 1...100 { try await bus.publish(numbered(n)) }
        let got = try await subscription.take(100)
        #expect(got.map(\.number) == Array(1...100))
        #expect(got.allSatisfy { $0.subject == "hodei.events.job.started" && $0.deliveryAttempt == 1 && !$0.requiresAck })
        #expect(subscription.missedCount == 0)
    }

    @Test func everySubscriberGetsItsOwnCopy() async throws {
        let bus = InMemoryBus()
        let subscriptions = [try await bus.subscribe(), try await bus.subscribe(), try await bus.subscribe()]
        for n in 1...50 { try await bus.publish(numbered(n)) }
        for subscription in subscriptions {
            #expect(try await subscription.take(50).map(\.number) == Array(1...50))
        }
    }

    @Test func receiptCarriesSubjectAndIncreasingSequence() async throws {
        let bus = InMemoryBus(subjects: try EventSubjects(prefix: "acme.events"))
        let first = try await bus.publish(numbered(1, kind: .pipelineCreated))
        let second = try await bus.publish(numbered(2, kind: .logChunkReceived))
        #expect(first.subject == "acme.events.pipeline.created")
        #expect(second.subject == "acme.events.log.chunk")
        #expect(second.sequence == first.sequence + 1)
        #expect(first.duplicate == false && first.stream == nil)
    }

    @Test(arguments: [
        ("hodei.events.job.*", [EventKind.jobCreated, .jobScheduled, .jobStarted, .jobCompleted, .jobFailed]),
        ("hodei.events.*.created", [.jobCreated, .pipelineCreated]),
        ("hodei.events.worker.heartbeat", [.workerHeartbeat]),
        ("hodei.events.>", EventKind.allCases),
        (">", EventKind.allCases),
        ("*.*.log.*", [.logChunkReceived]),
        ("other.events.>", []),
        ("hodei.events.job", []),
    ] as [(String, [EventKind])])
    func filtersSelectKindsAsNATSWould(_ filter: String, _ expected: [EventKind]) async throws {
        let bus = InMemoryBus()
        let filtered = try await bus.subscribe(filter: SubjectFilter(filter))
        let all = try await bus.subscribe()
        for kind in EventKind.allCases { try await bus.publish(numbered(1, kind: kind)) }
        _ = try await all.take(EventKind.allCases.count) // everything published has been delivered
        await bus.close()
        #expect(try await filtered.drain().map(\.event.kind) == expected)
    }

    @Test func slowSubscriberLosesTheOldestAndLearnsHowMany() async throws {
        let bus = InMemoryBus(capacity: 10)
        let slow = try await bus.subscribe()
        let fast = try await bus.subscribe()
        for n in 1...25 {
            try await bus.publish(numbered(n))
            #expect(try await fast.take(1).first?.number == n)
        }
        #expect(slow.missedCount == 15)
        let got = try await slow.take(10)
        #expect(got.map(\.number) == Array(16...25))
        #expect(got.map(\.missedBefore) == [15] + Array(repeating: 0, count: 9))
        #expect(fast.missedCount == 0)
    }

    @Test func lagIsReportedWhereTheGapIs() async throws {
        let bus = InMemoryBus(capacity: 4)
        let subscription = try await bus.subscribe()
        for n in 1...4 { try await bus.publish(numbered(n)) }
        #expect(try await subscription.take(2).map(\.number) == [1, 2])
        // 3 and 4 were already handed to the consumer in the same batch: they are not dropped.
        // 5...10 into a buffer of 4: 5 and 6 are lost, the gap is reported on 7.
        for n in 5...10 { try await bus.publish(numbered(n)) }
        let got = try await subscription.take(6)
        #expect(got.map(\.number) == [3, 4, 7, 8, 9, 10])
        #expect(got.map(\.missedBefore) == [0, 0, 2, 0, 0, 0])
        #expect(subscription.missedCount == 2)
    }

    @Test func noLossUpToCapacity() async throws {
        let bus = InMemoryBus(capacity: 1000)
        let subscription = try await bus.subscribe()
        for n in 1...1000 { try await bus.publish(numbered(n)) }
        #expect(try await subscription.take(1000).map(\.number) == Array(1...1000))
        #expect(subscription.missedCount == 0)
    }

    @Test func publisherNeverWaitsForAStalledSubscriber() async throws {
        let bus = InMemoryBus(capacity: 1)
        let stalled = try await bus.subscribe()
        try await within(10, "100k publishes with a stalled subscriber") {
            for n in 1...100_000 { try await bus.publish(numbered(n)) }
        }
        #expect(stalled.missedCount == 99_999)
        #expect(try await stalled.take(1).first?.number == 100_000)
    }

    @Test func closeDeliversWhatIsBufferedThenEnds() async throws {
        let bus = InMemoryBus()
        let subscription = try await bus.subscribe()
        for n in 1...3 { try await bus.publish(numbered(n)) }
        await bus.close()
        #expect(try await subscription.drain().map(\.number) == [1, 2, 3])
    }

    @Test func closeWakesAWaitingSubscriber() async throws {
        let bus = InMemoryBus()
        let subscription = try await bus.subscribe()
        let waiter = Task { try await subscription.drain() }
        try await bus.publish(numbered(1))
        await bus.close()
        #expect(try await waiter.value.map(\.number) == [1])
    }

    @Test func afterCloseNothingIsAccepted() async throws {
        let bus = InMemoryBus()
        await bus.close()
        await bus.close() // idempotent
        await #expect { try await bus.publish(numbered(1)) } throws: { ($0 as? EventBusError)?.code == .closed }
        await #expect { try await bus.subscribe() } throws: { ($0 as? EventBusError)?.code == .closed }
        await #expect { try await bus.subscribe(group: "g") } throws: { ($0 as? EventBusError)?.code == .closed }
        let outcomes = await bus.publish(batch: [numbered(1), numbered(2)])
        #expect(outcomes.map { $0.error?.code } == [.closed, .closed])
    }

    @Test func cancelEndsTheSubscriptionAndStopsBuffering() async throws {
        let bus = InMemoryBus()
        let subscription = try await bus.subscribe()
        let waiter = Task { try await subscription.drain() }
        subscription.cancel()
        #expect(try await waiter.value.isEmpty)
        try await bus.publish(numbered(1))
        #expect(try await subscription.drain().isEmpty)
    }

    @Test func taskCancellationEndsIteration() async throws {
        let bus = InMemoryBus()
        let subscription = try await bus.subscribe()
        let (received, signal) = AsyncStream<Int>.makeStream()
        let consumer = Task {
            var count = 0
            for await _ in subscription {
                count += 1
                signal.yield(count)
            }
            return count
        }
        try await bus.publish(numbered(1))
        _ = try await within(10, "the first delivery") { await received.first { _ in true } }
        consumer.cancel() // the consumer is now waiting for a second event
        #expect(try await within(10, "the cancelled consumer to finish") { await consumer.value } == 1)
        #expect(bus.subscriberCount == 0)
    }

    @Test func batchPublishGivesOneOutcomePerEventInOrder() async throws {
        let bus = InMemoryBus()
        let jobs = try await bus.subscribe(filter: "hodei.events.job.>")
        let events = (1...10).map { numbered($0, kind: $0.isMultiple(of: 2) ? .jobStarted : .workerHeartbeat) }
        let outcomes = await bus.publish(batch: events)
        #expect(outcomes.map(\.eventId) == events.map(\.id))
        let sequences = outcomes.compactMap { $0.receipt?.sequence }
        #expect(sequences == Array(sequences.first!..<(sequences.first! + 10)))
        #expect(outcomes[0].receipt?.subject == "hodei.events.worker.heartbeat")
        #expect(try await jobs.take(5).map(\.number) == [2, 4, 6, 8, 10])
    }

    @Test func manyConcurrentPublishersLoseNothingAndKeepPerPublisherOrder() async throws {
        let publishers = 8, perPublisher = 5000
        let bus = InMemoryBus(capacity: publishers * perPublisher)
        let subscription = try await bus.subscribe()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in 0..<publishers {
                group.addTask {
                    for i in 0..<perPublisher {
                        if i.isMultiple(of: 100) {
                            _ = await bus.publish(batch: [numbered(p * perPublisher + i)])
                        } else {
                            try await bus.publish(numbered(p * perPublisher + i))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let got = try await subscription.take(publishers * perPublisher, seconds: 30).compactMap(\.number)
        #expect(Set(got).count == publishers * perPublisher)
        for p in 0..<publishers {
            let mine = got.filter { $0 / perPublisher == p }
            #expect(mine == mine.sorted(), "publisher \(p) out of order")
        }
        #expect(subscription.missedCount == 0)
    }

    @Test func concurrentConsumersAndPublishersUnderPressure() async throws {
        // Capacity below the volume: the count of delivered + missed must add up exactly.
        let bus = InMemoryBus(capacity: 64)
        let subscriptions = [try await bus.subscribe(), try await bus.subscribe()]
        let total = 20_000
        let counters = subscriptions.map { subscription in
            Task { () -> Int in
                var count = 0
                for await _ in subscription { count += 1 }
                return count
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in 0..<4 {
                group.addTask { for i in 0..<(total / 4) { try await bus.publish(numbered(p * 10_000 + i)) } }
            }
            try await group.waitForAll()
        }
        await bus.close()
        for (subscription, counter) in zip(subscriptions, counters) {
            let received = try await within(10, "consumer to end") { await counter.value }
            #expect(UInt64(received) + subscription.missedCount == UInt64(total))
        }
    }

    @Test func droppingTheSubscriptionUnregistersIt() async throws {
        let bus = InMemoryBus()
        do {
            let subscription = try await bus.subscribe()
            #expect(bus.subscriberCount == 1)
            _ = subscription
        }
        #expect(bus.subscriberCount == 0)
    }
}
