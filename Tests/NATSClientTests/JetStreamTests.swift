import Foundation
import NATSClient
import NATSServerControl
import Testing

@Suite("JetStream data path", .timeLimit(.minutes(2)))
struct JetStreamTests {
    @Test("publish returns the stream's ack with increasing sequences")
    func publishAck() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            let first = try await js.publish(subject: "hodei.events.job.started", data: Array("a".utf8))
            let second = try await js.publish(subject: "hodei.events.job.ended", data: Array("b".utf8),
                                              expectedStream: "EVENTS")
            #expect(first == PubAck(stream: "EVENTS", sequence: 1, duplicate: false))
            #expect(second.sequence == 2)
            await connection.close()
        }
    }

    @Test("a repeated msg id is acked as duplicate and not stored again")
    func dedupe() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            let first = try await js.publish(subject: "hodei.events.job.started", data: [1], msgId: "job-42-started")
            let again = try await js.publish(subject: "hodei.events.job.started", data: [1], msgId: "job-42-started")
            #expect(first.duplicate == false)
            #expect(again.duplicate == true)
            #expect(again.sequence == first.sequence)
            #expect(try await streamMessageCount(js, "EVENTS") == 1)
            await connection.close()
        }
    }

    @Test("a wrong expected stream is a JetStream API error")
    func expectedStreamMismatch() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            let error = await #expect(throws: NATSError.self) {
                _ = try await js.publish(subject: "hodei.events.x", data: [], expectedStream: "OTHER")
            }
            #expect(error?.kind == .jetStream)
            #expect(error?.jetStreamErrorCode == 10060)
            await connection.close()
        }
    }

    @Test("batch publish reports every message's outcome, duplicates included")
    func batch() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream(maxInFlight: 64)
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            let payload = [UInt8](repeating: 7, count: 256)
            var messages = (0..<1_000).map {
                JetStreamOutgoingMessage(subject: "hodei.events.bulk", data: payload, msgId: "bulk-\($0)")
            }
            messages.append(JetStreamOutgoingMessage(subject: "hodei.events.bulk", data: payload, msgId: "bulk-5"))
            messages.append(JetStreamOutgoingMessage(subject: "nostream.here", data: payload))
            let result = try await js.publishBatch(messages, ackTimeout: .seconds(10))
            #expect(result.count == 1_002)
            #expect(result.storedCount == 1_000)
            #expect(result.duplicateCount == 1)
            #expect(result.failures.map(\.index) == [1_001])
            guard case .acked(let ack) = result[999] else {
                Issue.record("message 999 not acked")
                return
            }
            #expect(ack.stream == "EVENTS")
            #expect(try await streamMessageCount(js, "EVENTS") == 1_000)
            await connection.close()
        }
    }

    @Test("pull fetch returns messages with metadata; acked ones are not redelivered")
    func fetchAndAck() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            for index in 0..<5 { _ = try await js.publish(subject: "hodei.events.job.\(index)", data: [UInt8(index)]) }
            let subscription = try await js.pullSubscribe(subject: "hodei.events.>", durable: "workers", stream: "EVENTS")
            let batch = try await subscription.fetch(batch: 3, timeout: .seconds(5))
            #expect(batch.map(\.metadata.streamSequence) == [1, 2, 3])
            #expect(batch.map(\.metadata.consumerSequence) == [1, 2, 3])
            #expect(batch.allSatisfy { $0.metadata.numDelivered == 1 && $0.metadata.consumer == "workers" })
            #expect(batch.first?.metadata.numPending == 4)
            for message in batch { try message.ack() }
            let rest = try await subscription.fetch(batch: 10, timeout: .seconds(2))
            #expect(rest.map(\.metadata.streamSequence) == [4, 5])
            for message in rest { try message.ack() }
            try await connection.flush()
            let none = try await subscription.fetch(batch: 10, timeout: .milliseconds(500))
            #expect(none.isEmpty)
            await connection.close()
        }
    }

    @Test("nak leads to redelivery with numDelivered 2; term stops it")
    func nakRedelivers() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            _ = try await js.publish(subject: "hodei.events.job.failed", data: Array("retry me".utf8))
            let subscription = try await js.pullSubscribe(subject: "hodei.events.>", durable: "retry", stream: "EVENTS")
            let first = try #require(try await subscription.fetch(batch: 1, timeout: .seconds(5)).first)
            #expect(first.metadata.numDelivered == 1)
            try first.nak()
            let second = try #require(try await subscription.fetch(batch: 1, timeout: .seconds(5)).first)
            #expect(second.metadata.streamSequence == first.metadata.streamSequence)
            #expect(second.metadata.numDelivered == 2)
            #expect(second.string == "retry me")
            try second.nak(delay: .milliseconds(200))
            let third = try #require(try await subscription.fetch(batch: 1, timeout: .seconds(5)).first)
            #expect(third.metadata.numDelivered == 3)
            try third.term()
            try await connection.flush()
            let none = try await subscription.fetch(batch: 1, timeout: .milliseconds(500))
            #expect(none.isEmpty)
            await connection.close()
        }
    }

    @Test("bind to an existing consumer")
    func bindToConsumer() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let js = try connection.jetStream()
            try await createStream(js, name: "EVENTS", subjects: ["hodei.events.>"])
            let consumer = #"{"stream_name":"EVENTS","config":{"durable_name":"bound","ack_policy":"explicit"}}"#
            _ = try await js.apiRequest("CONSUMER.CREATE.EVENTS.bound", body: Array(consumer.utf8))
            _ = try await js.publish(subject: "hodei.events.a", data: [1])
            let subscription = try await js.bindPull(stream: "EVENTS", consumer: "bound")
            let messages = try await subscription.fetch(batch: 5, timeout: .seconds(5))
            #expect(messages.count == 1)
            #expect(messages.first?.metadata.stream == "EVENTS")
            await connection.close()
        }
    }
}

extension JetStreamMessage {
    var string: String { String(decoding: data, as: UTF8.self) }
}
