import Foundation
import HodeiBus
import NATSServerControl
import Testing

/// NatsBus across a server restart (same port, same store): no acknowledged event is lost.
struct NatsReconnectTests {
    /// Publishes, retrying while the server is away (dedupe makes the retry safe); bounded.
    private func publishRetrying(_ bus: NatsBus, _ event: SystemEvent) async throws -> PublishReceipt {
        try await within(30, "publish of \(event.id) to succeed") {
            while true {
                do {
                    return try await bus.publish(event)
                } catch {
                    try await Task.sleep(for: .milliseconds(100))  // retry backoff while reconnecting
                }
            }
        }
    }

    @Test func noAcknowledgedEventIsLostAcrossAServerRestart() async throws {
        try await withNatsBus(options: .test(ackWait: .seconds(2))) { server, bus in
            let worker = try await NatsBus.connect(natsSettings(server), options: .test(ackWait: .seconds(2)))
            let member = try await worker.subscribe(group: "workers")
            let watcher = try await worker.subscribe()

            let before = (1...200).map { numbered($0) }
            let after = (201...400).map { numbered($0) }
            var acknowledged: Set<UUID> = []
            for outcome in await bus.publish(batch: before) { if let r = outcome.receipt { acknowledged.insert(r.eventId) } }
            #expect(acknowledged.count == 200)

            // Consume half, then restart the server mid-stream.
            var processed: Set<UUID> = []
            for delivery in try await member.take(100, seconds: 15) {
                try await delivery.ack()
                processed.insert(delivery.event.id)
            }
            try await server.restart()
            for event in after { acknowledged.insert(try await publishRetrying(bus, event).eventId) }

            // Every acknowledged event reaches the group (some perhaps twice: at-least-once).
            let stored = acknowledged
            let processedBefore = processed
            processed = try await within(60, "all 400 events processed after the restart") {
                var processed = processedBefore
                for await delivery in member {
                    try? await delivery.ack()
                    processed.insert(delivery.event.id)
                    if processed.isSuperset(of: stored) { break }
                }
                return processed
            }
            #expect(processed.isSuperset(of: acknowledged))

            // The broadcast subscription resumed too (its ephemeral consumer recreated): it sees
            // every event published after the restart.
            let seen = try await within(60, "the broadcast to see the post-restart events") {
                var seen: Set<UUID> = []
                for await delivery in watcher {
                    seen.insert(delivery.event.id)
                    if seen.isSuperset(of: after.map(\.id)) { break }
                }
                return seen
            }
            #expect(seen.isSuperset(of: after.map(\.id)))
            await worker.close()
        }
    }
}
