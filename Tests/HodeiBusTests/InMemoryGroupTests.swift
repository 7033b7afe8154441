import Foundation
import HodeiBus
import Testing

/// Consumer groups of `InMemoryBus`: one member per event, ack/nak/term, redelivery.
struct InMemoryGroupTests {
    @Test func eachEventGoesToOneMemberAndWaitingMembersShareTheLoad() async throws {
        let bus = InMemoryBus(groupPullLimit: 1)
        let a = try await bus.subscribe(group: "job-processors")
        let b = try await bus.subscribe(group: "job-processors")
        for n in 1...4 { try await bus.publish(numbered(n)) }
        // Each pull takes one event, so the two members alternate over the backlog.
        let a1 = try await a.take(1), b1 = try await b.take(1)
        #expect(a1.map(\.number) == [1])
        #expect(b1.map(\.number) == [2])
        #expect(a1[0].requiresAck && a1[0].deliveryAttempt == 1)
        try await a1[0].ack()
        try await b1[0].ack()
        #expect(try await b.take(1).map(\.number) == [3])
        #expect(try await a.take(1).map(\.number) == [4])
    }

    @Test func concurrentMembersGetEveryEventExactlyOnce() async throws {
        let bus = InMemoryBus()
        let members = [try await bus.subscribe(group: "g"), try await bus.subscribe(group: "g"), try await bus.subscribe(group: "g")]
        let total = 3000
        let consumers = members.map { member in
            Task { () -> [Int] in
                var seen: [Int] = []
                for await delivery in member {
                    seen.append(delivery.number ?? -1)
                    try? await delivery.ack()
                }
                return seen
            }
        }
        for n in 1...total { try await bus.publish(numbered(n)) }
        // Ends the members once the backlog is drained.
        await bus.close()
        var all: [Int] = []
        for consumer in consumers { all += try await within(20, "members to drain") { await consumer.value } }
        #expect(all.count == total)
        #expect(Set(all) == Set(1...total))
    }

    @Test func twoGroupsAndABroadcastEachSeeEverything() async throws {
        let bus = InMemoryBus()
        let audit = try await bus.subscribe()
        let g1 = try await bus.subscribe(group: "scheduler")
        let g2 = try await bus.subscribe(group: "projector")
        for n in 1...5 { try await bus.publish(numbered(n)) }
        #expect(try await audit.take(5).map(\.number) == Array(1...5))
        #expect(try await g1.take(5).map(\.number) == Array(1...5))
        #expect(try await g2.take(5).map(\.number) == Array(1...5))
    }

    @Test func nakRedeliversWithAHigherAttempt() async throws {
        let bus = InMemoryBus()
        let member = try await bus.subscribe(group: "g")
        try await bus.publish(numbered(1))
        let first = try #require(try await member.take(1).first)
        try await first.nak()
        let again = try #require(try await member.take(1).first)
        #expect(again.event == first.event)
        #expect(again.deliveryAttempt == 2)
        try await again.ack()
        try await again.ack() // settling twice is harmless
    }

    @Test func nakWithDelayWaitsBeforeRedelivery() async throws {
        let bus = InMemoryBus()
        let member = try await bus.subscribe(group: "g")
        try await bus.publish(numbered(1))
        let first = try #require(try await member.take(1).first)
        let clock = ContinuousClock()
        let nakAt = clock.now
        try await first.nak(delay: .milliseconds(200))
        try await bus.publish(numbered(2)) // not held up by the delayed one
        #expect(try await member.take(1).first?.number == 2)
        let again = try #require(try await member.take(1).first)
        #expect(clock.now - nakAt >= .milliseconds(200))
        #expect(again.number == 1 && again.deliveryAttempt == 2)
    }

    @Test func termedEventIsNeverRedelivered() async throws {
        let bus = InMemoryBus()
        let member = try await bus.subscribe(group: "g")
        try await bus.publish(numbered(1))
        try await #require(try await member.take(1).first).term()
        try await bus.publish(numbered(2))
        #expect(try await member.take(1).map(\.number) == [2])
    }

    // The leave tests decide who holds what by who iterates: a member pulls only while its
    // subscription is iterated, so no scheduling order is assumed.
    @Test func memberLeavingWithoutAckingHandsItsEventsToAnotherMember() async throws {
        let bus = InMemoryBus(groupPullLimit: 8)
        let survivor = try await bus.subscribe(group: "g")
        let doomed = try await bus.subscribe(group: "g")
        for n in 1...3 { try await bus.publish(numbered(n)) }
        // Only the doomed member pulls: it takes all three (limit 8), hands out two, buffers one.
        let held = try await doomed.take(2)
        #expect(held.map(\.number) == [1, 2])
        #expect(held.allSatisfy { $0.deliveryAttempt == 1 })
        doomed.cancel() // dies without acking
        let got = try await survivor.take(3)
        #expect(got.map(\.number) == [1, 2, 3])
        #expect(got.allSatisfy { $0.deliveryAttempt == 2 })
    }

    @Test func ackedEventsAreNotRedeliveredWhenTheMemberLeaves() async throws {
        let bus = InMemoryBus()
        let stays = try await bus.subscribe(group: "g")  // keeps the group alive, does not pull yet
        let leaving = try await bus.subscribe(group: "g")
        for n in 1...2 { try await bus.publish(numbered(n)) }
        let taken = try await leaving.take(2)
        #expect(taken.map(\.number) == [1, 2])
        try await taken[0].ack()
        leaving.cancel()  // 1 acked, 2 not: only 2 comes back
        try await bus.publish(numbered(3))
        let got = try await stays.take(2)
        #expect(got.map(\.number) == [2, 3])
        #expect(got.map(\.deliveryAttempt) == [2, 1])
    }

    @Test func membersMustShareTheGroupFilter() async throws {
        let bus = InMemoryBus()
        let first = try await bus.subscribe(filter: "hodei.events.job.*", group: "g")
        await #expect {
            try await bus.subscribe(filter: "hodei.events.>", group: "g")
        } throws: { error in
            guard let error = error as? EventBusError else { return false }
            return error.code == .invalidGroup && error.description.contains("hodei.events.job.*")
        }
        _ = first
    }

    @Test(arguments: ["", "job.processors", "a b", "g*", "g>", String(repeating: "x", count: 65), "ümlaut"])
    func invalidGroupNamesAreRefused(_ name: String) async {
        let bus = InMemoryBus()
        await #expect { try await bus.subscribe(group: name) } throws: { ($0 as? EventBusError)?.code == .invalidGroup }
    }

    @Test func groupFilterApplies() async throws {
        let bus = InMemoryBus()
        let member = try await bus.subscribe(filter: "hodei.events.job.created", group: "creators")
        try await bus.publish(numbered(1, kind: .jobStarted))
        try await bus.publish(numbered(2, kind: .jobCreated))
        #expect(try await member.take(1).map(\.number) == [2])
    }

    @Test func closeEndsWaitingMembers() async throws {
        let bus = InMemoryBus()
        let member = try await bus.subscribe(group: "g")
        let waiter = Task { try await member.drain() }
        await bus.close()
        #expect(try await waiter.value.isEmpty)
    }
}
