import Foundation
import HodeiBus
import MetricsTestKit
import NATSClient
import NATSServerControl
import Testing

/// Consumer groups (durable pull consumers, explicit ack) of NatsBus on a real nats-server.
struct NatsGroupTests {
    @Test func membersNeverBothGetAnEventUnlessRedelivered() async throws {
        try await withNatsBus(options: .test(ackWait: .seconds(30))) { server, bus in
            // Three members, each on its own connection as separate worker processes would be.
            var members: [NatsBus] = []
            for _ in 0..<3 { members.append(try await NatsBus.connect(natsSettings(server), options: .test(ackWait: .seconds(30)))) }
            let subscriptions = try await withThrowingTaskGroup(of: EventSubscription.self) { group in
                for member in members { group.addTask { try await member.subscribe(group: "workers") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let events = (1...600).map { numbered($0) }
            let log = DeliveryLog()
            let total = events.count
            try await within(30, "600 deliveries across 3 members") {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, subscription) in subscriptions.enumerated() {
                        group.addTask {
                            for await delivery in subscription {
                                try await delivery.ack()
                                // The member that sees the last one ends everyone's subscription.
                                if await log.add(index, delivery) >= total { subscriptions.forEach { $0.cancel() } }
                            }
                        }
                    }
                    _ = await bus.publish(batch: events)
                    try await group.waitForAll()
                }
            }
            let byMember = await log.byMember
            let firstDeliveries = byMember.values.flatMap { $0.filter { $0.deliveryAttempt == 1 }.map(\.event.id) }
            #expect(Set(firstDeliveries).count == firstDeliveries.count, "an event went to two members on its first delivery")
            #expect(Set(byMember.values.flatMap { $0.map(\.event.id) }) == Set(events.map(\.id)))
            #expect(byMember.count >= 2, "load was not shared: \(byMember.mapValues(\.count))")
            for member in members { await member.close() }
        }
    }

    @Test func aMemberThatDiesWithoutAckingHasItsEventRedelivered() async throws {
        try await withNatsBus { server, bus in
            let doomed = try await NatsBus.connect(natsSettings(server), options: .test())
            let doomedSub = try await doomed.subscribe(group: "workers")
            try await bus.publish(numbered(1))
            let taken = try await doomedSub.take(1)
            #expect(taken.map(\.deliveryAttempt) == [1])
            await doomed.close()  // dies: no ack, connection gone

            let survivor = try await NatsBus.connect(natsSettings(server), options: .test())
            let survivorSub = try await survivor.subscribe(group: "workers")
            let redelivered = try await survivorSub.take(1, seconds: 10)  // after ack_wait (1 s)
            #expect(redelivered.map(\.event.id) == taken.map(\.event.id))
            #expect(redelivered.map(\.deliveryAttempt) == [2])
            try await redelivered[0].ack()
            await survivor.close()
        }
    }

    @Test func aMemberThatLeavesHandsItsUnackedEventsBackAtOnce() async throws {
        // ack_wait 30 s: a redelivery within the 10 s bound can only come from the leaving member's naks.
        try await withNatsBus(options: .test(ackWait: .seconds(30))) { server, bus in
            let leaving = try await bus.subscribe(group: "workers")
            try await bus.publish(numbered(1))
            let taken = try await leaving.take(1)
            leaving.cancel()
            let other = try await bus.subscribe(group: "workers")
            let again = try await other.take(1, seconds: 10)
            #expect(again.map(\.event.id) == taken.map(\.event.id))
            #expect(again.map(\.deliveryAttempt) == [2])
            try await again[0].ack()
            _ = server
        }
    }

    @Test func nakWithDelayRedeliversAfterTheDelay() async throws {
        try await withNatsBus(options: .test(ackWait: .seconds(30))) { _, bus in
            let member = try await bus.subscribe(group: "workers")
            try await bus.publish(numbered(1))
            let first = try await member.take(1)
            let clock = ContinuousClock()
            let naked = clock.now
            try await first[0].nak(delay: .milliseconds(600))
            let again = try await member.take(1)
            let waited = clock.now - naked
            #expect(again.map(\.deliveryAttempt) == [2])
            #expect(again.map(\.event.id) == first.map(\.event.id))
            #expect(waited >= .milliseconds(500), "redelivered after \(waited), before the 600 ms delay")
            try await again[0].ack()
        }
    }

    @Test func maxDeliverStopsRedelivery() async throws {
        try await withNatsBus(options: .test(ackWait: .seconds(30), maxDeliver: 2)) { _, bus in
            let member = try await bus.subscribe(group: "workers")
            let poison = numbered(1)
            try await bus.publish(poison)
            var attempts: [Int] = []
            for _ in 1...2 {
                let delivery = try await member.take(1)[0]
                #expect(delivery.event.id == poison.id)
                attempts.append(delivery.deliveryAttempt)
                try await delivery.nak()
            }
            #expect(attempts == [1, 2])
            // A nak redelivers at once; past max_deliver the server gives up, so the next
            // delivery is a new event, not a third attempt.
            let next = numbered(2)
            try await bus.publish(next)
            let got = try await member.take(1)
            #expect(got.map(\.event.id) == [next.id])
            try await got[0].ack()
            try await bus.connection.flush()
            let info = try await bus.connection.jetStream().apiRequest("CONSUMER.INFO.HODEI_EVENTS.workers")
            let object = try JSONSerialization.jsonObject(with: Data(info)) as? [String: Any]
            #expect((object?["num_ack_pending"] as? NSNumber)?.intValue == 0)
        }
    }

    @Test func anUndecodableEventIsTerminatedReportedAndNotRedelivered() async throws {
        let metrics = TestMetrics()
        try await withNatsBus(options: .test(ackWait: .seconds(1)), metrics: metrics) { server, bus in
            let member = try await bus.subscribe(group: "workers")
            let advisories = try bus.connection.subscribe(
                subject: "$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.HODEI_EVENTS.workers")
            try await bus.connection.flush()
            let raw = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            _ = try await raw.jetStream().publish(subject: "hodei.events.job.started", data: Array("{not json".utf8))
            await raw.close()
            let good = numbered(2)
            try await bus.publish(good)
            let got = try await member.take(1)
            #expect(got.map(\.event.id) == [good.id])
            try await got[0].ack()
            _ = try await within(10, "the terminated advisory") { () -> NATSMessage? in
                for await message in advisories { return message }
                return nil
            }
            // Well past ack_wait (1 s): the bad message did not come back.
            let marker = numbered(3)
            try await Task.sleep(for: .milliseconds(1_500))
            try await bus.publish(marker)
            #expect(try await member.take(1).map(\.event.id) == [marker.id])
        }
        #expect(try metrics.expectCounter(BusMetrics.terminatedLabel, [("backend", "nats")]).totalValue == 1)
    }

    @Test func anExistingGroupConsumerIsBoundAsItIsNeverChanged() async throws {
        try await withNatsBus { server, bus in
            // Provisioned beforehand (as `apply` would): ack_wait 45 s, max_deliver 9.
            let js = try bus.connection.jetStream()
            let body = #"{"stream_name":"HODEI_EVENTS","config":{"durable_name":"provisioned","ack_policy":"explicit","ack_wait":45000000000,"max_deliver":9,"filter_subject":"hodei.events.>"}}"#
            _ = try await js.apiRequest("CONSUMER.DURABLE.CREATE.HODEI_EVENTS.provisioned", body: Array(body.utf8))
            let member = try await bus.subscribe(group: "provisioned")
            try await bus.publish(numbered(1))
            let got = try await member.take(1)
            try await got[0].ack()
            let info = try await js.apiRequest("CONSUMER.INFO.HODEI_EVENTS.provisioned")
            let config = (try JSONSerialization.jsonObject(with: Data(info)) as? [String: Any])?["config"] as? [String: Any]
            #expect((config?["ack_wait"] as? NSNumber)?.int64Value == 45_000_000_000)
            #expect((config?["max_deliver"] as? NSNumber)?.intValue == 9)
            _ = server
        }
    }

    @Test func aMemberWithAnotherFilterIsRefused() async throws {
        _ = try await withNatsBus { _, bus in
            _ = try await bus.subscribe(filter: "hodei.events.job.*", group: "workers")
            await #expect {
                try await bus.subscribe(filter: "hodei.events.log.*", group: "workers")
            } throws: { error in
                guard let error = error as? EventBusError else { return false }
                return error.code == .invalidGroup && error.description.contains("hodei.events.job.*")
            }
        }
    }

    @Test func anInvalidGroupNameIsRefusedBeforeAnyRequest() async throws {
        _ = try await withNatsBus { _, bus in
            await #expect { try await bus.subscribe(group: "bad.name") } throws: {
                ($0 as? EventBusError)?.code == .invalidGroup
            }
        }
    }
}
