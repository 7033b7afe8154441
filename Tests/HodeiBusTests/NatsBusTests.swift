import Foundation
import HodeiBus
import Metrics
import MetricsTestKit
import NATSClient
import NATSServerControl
import Testing

/// NatsBus publishing and broadcast subscriptions on a real nats-server.
struct NatsBusTests {
    @Test func publishReturnsTheStreamReceipt() async throws {
        try await withNatsBus { server, bus in
            let first = try await bus.publish(numbered(1))
            let second = try await bus.publish(numbered(2, kind: .pipelineCreated))
            #expect(first.stream == "HODEI_EVENTS")
            #expect(first.subject == "hodei.events.job.started")
            #expect(second.subject == "hodei.events.pipeline.created")
            #expect(first.sequence == 1 && second.sequence == 2)
            #expect(!first.duplicate)
            #expect(try await storedCount(server) == 2)
        }
    }

    @Test func republishingAnEventIdIsNotStoredTwice() async throws {
        try await withNatsBus { server, bus in
            let event = numbered(7)
            let original = try await bus.publish(event)
            let retried = try await bus.publish(event)
            #expect(retried.duplicate)
            #expect(retried.sequence == original.sequence)
            let batch = await bus.publish(batch: [event, numbered(8)])
            #expect(batch.map { $0.receipt?.duplicate } == [true, false])
            #expect(try await storedCount(server) == 2)
        }
    }

    @Test func batchGivesOneOutcomePerEventInOrder() async throws {
        try await withNatsBus { server, bus in
            let events = (1...500).map { numbered($0, kind: EventKind.allCases[$0 % EventKind.allCases.count]) }
            let outcomes = await bus.publish(batch: events)
            #expect(outcomes.map(\.eventId) == events.map(\.id))
            let receipts = outcomes.compactMap(\.receipt)
            #expect(receipts.count == 500)
            #expect(receipts.map(\.sequence) == Array(1...500))
            let subjects = events.map { "hodei.events.\($0.kind.rawValue)" }
            #expect(receipts.map(\.subject) == subjects)
            let stored = try await storedCount(server)
            #expect(stored == 500)
        }
    }

    /// Batches go over a second, buffered connection opened by the first batch: concurrent first
    /// batches share it, every event is stored once with its own bytes and id, and single
    /// publishes (main connection) interleave with them.
    @Test func concurrentBatchesAndSinglePublishesAreAllStored() async throws {
        try await withNatsBus { server, bus in
            let first = (1...300).map { numbered($0, kind: EventKind.allCases[$0 % EventKind.allCases.count]) }
            let second = (301...600).map { numbered($0, kind: .logChunkReceived) }
            async let a = bus.publish(batch: first)
            async let b = bus.publish(batch: second)
            let single = try await bus.publish(numbered(601))
            let (outA, outB) = await (a, b)
            #expect(outA.map(\.eventId) == first.map(\.id))
            #expect(outB.map(\.eventId) == second.map(\.id))
            #expect((outA + outB).allSatisfy { $0.receipt?.duplicate == false })
            #expect(!single.duplicate)
            #expect(try await storedCount(server) == 601)
            let again = await bus.publish(batch: Array(second.prefix(10)))
            #expect(again.allSatisfy { $0.receipt?.duplicate == true })
        }
    }

    @Test func batchOnAClosedBusFailsEveryEvent() async throws {
        try await withNatsBus { _, bus in
            await bus.close()
            let outcomes = await bus.publish(batch: [numbered(1), numbered(2)])
            #expect(outcomes.map { $0.error?.code } == [.closed, .closed])
            await #expect { try await bus.publish(numbered(3)) } throws: { ($0 as? EventBusError)?.code == .closed }
        }
    }

    @Test func subscribeAllSeesEverythingInOrder() async throws {
        try await withNatsBus { _, bus in
            let subscription = try await bus.subscribe()
            let events = (1...300).map { numbered($0, kind: $0 % 2 == 0 ? .jobStarted : .jobScheduled) }
            _ = await bus.publish(batch: Array(events[..<150]))
            for event in events[150...] { try await bus.publish(event) }
            let got = try await subscription.take(300)
            #expect(got.map(\.event.id) == events.map(\.id))
            #expect(got.allSatisfy { !$0.requiresAck && $0.deliveryAttempt == 1 })
        }
    }

    @Test func broadcastStartsAtNewEventsUnlessAllIsAsked() async throws {
        try await withNatsBus { server, bus in
            try await bus.publish(numbered(1))
            let fresh = try await bus.subscribe()
            try await bus.publish(numbered(2))
            #expect(try await fresh.take(1).map(\.number) == [2])
            let replay = try await NatsBus.connect(natsSettings(server), options: .test(broadcastStart: .all))
            let all = try await replay.subscribe()
            #expect(try await all.take(2).map(\.number) == [1, 2])
            await replay.close()
        }
    }

    @Test(arguments: [
        ("hodei.events.job.*", [EventKind.jobCreated, .jobScheduled, .jobStarted, .jobCompleted, .jobFailed]),
        ("hodei.events.*.created", [EventKind.jobCreated, .pipelineCreated]),
        ("hodei.events.worker.heartbeat", [EventKind.workerHeartbeat]),
    ])
    func filterSeesOnlyMatchingSubjects(_ filter: String, _ expected: [EventKind]) async throws {
        try await withNatsBus { _, bus in
            let subscription = try await bus.subscribe(filter: try SubjectFilter(filter))
            var all: [SystemEvent] = []
            for (n, kind) in EventKind.allCases.enumerated() { all.append(numbered(n, kind: kind)) }
            _ = await bus.publish(batch: all)
            let wanted = all.filter { expected.contains($0.kind) }
            let got = try await subscription.take(wanted.count)
            #expect(got.map(\.event.id) == wanted.map(\.id))
            let pattern = try SubjectFilter(filter)
            #expect(got.allSatisfy { pattern.matches($0.subject) })
            // Nothing else is pending: the next event through is the marker, not an unmatched one.
            let marker = numbered(99, kind: expected[0])
            try await bus.publish(marker)
            #expect(try await subscription.take(1).map(\.event.id) == [marker.id])
        }
    }

    @Test func subscriptionsEndWhenTheBusCloses() async throws {
        try await withNatsBus { _, bus in
            let broadcast = try await bus.subscribe()
            let member = try await bus.subscribe(group: "g")
            await bus.close()
            #expect(try await broadcast.drain().isEmpty)
            #expect(try await member.drain().isEmpty)
        }
    }

    @Test func cancelEndsAWaitingSubscription() async throws {
        try await withNatsBus { _, bus in
            let subscription = try await bus.subscribe()
            let waiter = Task { try await subscription.drain() }
            subscription.cancel()
            #expect(try await waiter.value.isEmpty)
        }
    }

    @Test func aMissingStreamIsAConfigurationErrorNamingIt() async throws {
        _ = try await withNATSServer { server in
            await #expect {
                try await NatsBus.connect(natsSettings(server, stream: "NOPE"))
            } throws: { error in
                guard let error = error as? EventBusError else { return false }
                return error.code == .invalidConfiguration && error.description.contains("NOPE")
                    && error.description.contains("HODEI_NATS_STREAM")
            }
        }
    }

    @Test func factoryBuildsANatsBusFromTheEnvironment() async throws {
        try await withNATSServer { server in
            // The tenant's stream exists (as `apply` would leave it).
            let setup = try await NatsBus.connect(natsSettings(server, stream: "ACME_EVENTS"),
                                                  subjectPrefix: "acme.hodei.events", options: .test())
            await setup.close()
            let config = try EventBusConfig.fromEnvironment([
                "HODEI_EVENT_BUS_TYPE": "nats", "HODEI_NATS_URL": server.url, "HODEI_NATS_STREAM": "ACME_EVENTS",
                "HODEI_NATS_SUBJECT_PREFIX": "acme.hodei.events", "HODEI_NATS_TIMEOUT_MS": "2000",
            ])
            let bus = try await EventBusFactory.create(config)
            #expect(bus is NatsBus)
            let subscriber = try await EventBusFactory.createSubscriber(config)
            let subscription = try await subscriber.subscribe(filter: "acme.hodei.events.job.*")
            let receipt = try await bus.publish(numbered(1))
            #expect(receipt.stream == "ACME_EVENTS")
            #expect(receipt.subject == "acme.hodei.events.job.started")
            #expect(try await subscription.take(1).map(\.number) == [1])
            await bus.close()
            await subscriber.close()
        }
    }

    @Test func metricsAreRecordedWithBackendNats() async throws {
        let metrics = TestMetrics()
        let dims = [("backend", "nats")]
        // A long ack wait: every redelivery here comes from the nak, none from an expired ack wait.
        try await withNatsBus(options: .test(ackWait: .seconds(60)), metrics: metrics) { _, bus in
            let member = try await bus.subscribe(group: "g")
            for n in 1...3 { try await bus.publish(numbered(n)) }
            _ = await bus.publish(batch: [numbered(4), numbered(5)])
            let got = try await member.take(5)
            try await got[0].ack()
            try await got[1].ack()
            try await got[2].term()
            try await got[3].nak()
            try await got[4].ack()
            let again = try await member.take(1)
            #expect(again.map(\.deliveryAttempt) == [2])
            try await again[0].ack()
            await bus.close()
            _ = try? await bus.publish(numbered(6))
        }
        #expect(try metrics.expectCounter(BusMetrics.publishedLabel, dims).totalValue == 5)
        #expect(try metrics.expectCounter(BusMetrics.publishFailedLabel, dims).totalValue == 1)
        #expect(try metrics.expectCounter(BusMetrics.acknowledgedLabel, dims).totalValue == 4)
        #expect(try metrics.expectCounter(BusMetrics.terminatedLabel, dims).totalValue == 1)
        // Counted before the redelivered event is handed out, so it is in by now. (It used to be
        // flaky: event 5 was never acked and a 1 s ack wait redelivered it too under load.)
        #expect(try metrics.expectCounter(BusMetrics.redeliveredLabel, dims).totalValue == 1)
        #expect(try metrics.expectTimer(BusMetrics.publishDurationLabel, dims).values.count == 4)
        _ = try metrics.expectGauge(BusMetrics.lagLabel, dims)
    }
}
