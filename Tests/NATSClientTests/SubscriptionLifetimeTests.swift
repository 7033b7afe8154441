import Foundation
import NATSClient
import NATSServerControl
import Testing

@Suite("Subscription lifetimes", .timeLimit(.minutes(2)))
struct SubscriptionLifetimeTests {
    /// libnats 3.4.1's read loop locks a subscription after dropping the table lock; freeing the
    /// subscription in between crashed this loop within 500 rounds in 6 of 6 runs before
    /// `SubscriptionReaper` (CI saw it once in the memory test).
    @Test("dropping subscriptions while their messages arrive does not crash the read loop")
    func dropUnderTraffic() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let publisher = try await connect(server)
            let connection = try await connect(server)
            let flood = Task.detached {
                while !Task.isCancelled {
                    for _ in 0..<100 { try? publisher.publish(subject: "flood", data: [1, 2, 3]) }
                    try? await Task.sleep(for: .microseconds(50))  // pacing, not synchronisation
                }
            }
            var received = 0
            for _ in 0..<2_000 {
                let subscription = try connection.subscribe(subject: "flood")
                var messages = subscription.makeAsyncIterator()
                if await messages.next() != nil { received += 1 }
            }
            flood.cancel()
            await flood.value
            #expect(received == 2_000)
            await connection.close()
            await publisher.close()
        }
    }

    @Test("a dropped subscription stops taking messages at once")
    func droppedLeavesTheQueueGroup() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            do {
                let leaving = try connection.subscribe(subject: "work", queue: "workers")
                _ = leaving
            }
            let staying = try connection.subscribe(subject: "work", queue: "workers")
            for index in 0..<100 { try connection.publish(subject: "work", data: [UInt8(index)]) }
            try await connection.flush()
            // Had the dropped member kept its interest, the server would hand it about half.
            var messages = staying.makeAsyncIterator()
            var seen: [UInt8] = []
            for _ in 0..<100 {
                guard let message = await messages.next() else { break }
                seen.append(contentsOf: message.data)
            }
            #expect(seen == (0..<100).map { UInt8($0) })
            await connection.close()
        }
    }

    @Test("a dropped pull subscription keeps its durable consumer; subscribing again resumes it")
    func droppedPullKeepsTheConsumer() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            for index in 0..<2 { _ = try await js.publish(subject: "hodei.events.job.\(index)", data: [UInt8(index)]) }
            do {
                let subscription = try await js.pullSubscribe(subject: "hodei.events.>", durable: "keep", stream: "EVENTS")
                let first = try #require(try await subscription.fetch(batch: 1, timeout: .seconds(5)).first)
                try first.ack()
                try await connection.flush()
            }
            try await connection.flush()  // the dropped subscription's UNSUB has reached the server
            _ = try await js.apiRequest("CONSUMER.INFO.EVENTS.keep")
            let again = try await js.pullSubscribe(subject: "hodei.events.>", durable: "keep", stream: "EVENTS")
            let next = try await again.fetch(batch: 5, timeout: .seconds(5))
            #expect(next.map(\.metadata.streamSequence) == [2])
            await connection.close()
        }
    }

    @Test("pull subscribing with a durable that filters other subjects is an API error")
    func durableWithAnotherFilter() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            _ = try await js.pullSubscribe(subject: "hodei.events.job.>", durable: "jobs", stream: "EVENTS")
            let error = await #expect(throws: NATSError.self) {
                _ = try await js.pullSubscribe(subject: "hodei.events.log.>", durable: "jobs", stream: "EVENTS")
            }
            #expect(error?.kind == .jetStream)
            await connection.close()
        }
    }
}
