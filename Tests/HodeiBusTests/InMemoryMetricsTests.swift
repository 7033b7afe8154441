import HodeiBus
import Metrics
import MetricsTestKit
import Testing

/// The swift-metrics instruments of `InMemoryBus` (names in docs/events.md#metrics).
struct InMemoryMetricsTests {
    let dims = [("backend", "inmemory")]

    @Test func publishAndFailures() async throws {
        let metrics = TestMetrics()
        let bus = InMemoryBus(metricsFactory: metrics)
        for n in 1...3 { try await bus.publish(numbered(n)) }
        _ = await bus.publish(batch: [numbered(4), numbered(5)])
        await bus.close()
        _ = try? await bus.publish(numbered(6))
        #expect(try metrics.expectCounter(BusMetrics.publishedLabel, dims).totalValue == 5)
        #expect(try metrics.expectCounter(BusMetrics.publishFailedLabel, dims).totalValue == 1)
        // One timing per call (3 single + 1 batch).
        #expect(try metrics.expectTimer(BusMetrics.publishDurationLabel, dims).values.count == 4)
    }

    @Test func lagIsCountedAndReported() async throws {
        let metrics = TestMetrics()
        let bus = InMemoryBus(capacity: 2, metricsFactory: metrics)
        let subscription = try await bus.subscribe()
        for n in 1...7 { try await bus.publish(numbered(n)) }
        #expect(subscription.missedCount == 5)
        #expect(try metrics.expectCounter(BusMetrics.missedLabel, dims).totalValue == 5)
        #expect(try metrics.expectGauge(BusMetrics.lagLabel, dims).lastValue == 5)
    }

    @Test func groupSettlementsAreCounted() async throws {
        let metrics = TestMetrics()
        let bus = InMemoryBus(metricsFactory: metrics)
        let member = try await bus.subscribe(group: "g")
        for n in 1...3 { try await bus.publish(numbered(n)) }
        let got = try await member.take(3)
        try await got[0].ack()
        try await got[1].term()
        try await got[2].nak()
        let again = try #require(try await member.take(1).first)
        try await again.ack()
        #expect(try metrics.expectCounter(BusMetrics.acknowledgedLabel, dims).totalValue == 2)
        #expect(try metrics.expectCounter(BusMetrics.terminatedLabel, dims).totalValue == 1)
        #expect(try metrics.expectCounter(BusMetrics.redeliveredLabel, dims).totalValue == 1)
    }
}
