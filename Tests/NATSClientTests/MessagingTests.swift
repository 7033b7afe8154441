import Foundation
import NATSClient
import NATSServerControl
import Testing

@Suite("Core NATS: publish, subscribe, request", .timeLimit(.minutes(2)))
struct MessagingTests {
    @Test("a subscription receives subject, headers and payload in order")
    func subscribe() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            let subscription = try connection.subscribe(subject: "hodei.events.>")
            for index in 0..<10 {
                try connection.publish(subject: "hodei.events.job.\(index)", data: [UInt8(index)],
                                       headers: index == 3 ? ["Hodei-Kind": "three"] : nil)
            }
            try await connection.flush()
            var received: [NATSMessage] = []
            for await message in subscription {
                received.append(message)
                if received.count == 10 { break }
            }
            #expect(received.map(\.subject) == (0..<10).map { "hodei.events.job.\($0)" })
            #expect(received.map(\.data) == (0..<10).map { [UInt8($0)] })
            #expect(received[3].headers["Hodei-Kind"] == "three")
            #expect(received[2].headers.isEmpty)
            await connection.close()
        }
    }

    @Test("the subscription sequence ends when the connection closes")
    func subscriptionEndsOnClose() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            let subscription = try connection.subscribe(subject: "x")
            let drained = Task { () -> Int in
                var count = 0
                for await _ in subscription { count += 1 }
                return count
            }
            try connection.publish(subject: "x", data: [1])
            try await connection.flush()
            await connection.close()
            #expect(await drained.value <= 1)
        }
    }

    @Test("thousands of concurrent requests are pipelined over one connection")
    func pipelinedRequests() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let responderConnection = try await connect(server)
            let requester = try await connect(server)
            let subscription = try responderConnection.subscribe(subject: "svc.double", queue: "workers")
            try await responderConnection.flush()
            let responder = Task {
                for await message in subscription {
                    let value = Int(message.string) ?? 0
                    try responderConnection.publish(subject: message.reply ?? "", data: Array(String(value * 2).utf8))
                }
            }
            let count = 2_000
            let sum = try await withThrowingTaskGroup(of: Int.self) { group in
                for value in 0..<count {
                    group.addTask {
                        let reply = try await requester.request(subject: "svc.double", data: Array(String(value).utf8),
                                                                timeout: .seconds(20))
                        return Int(reply.string) ?? -1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sum == (0..<count).reduce(0) { $0 + 2 * $1 })
            responder.cancel()
            await requester.close()
            await responderConnection.close()
        }
    }

    @Test("a request without responders fails fast with .noResponders")
    func noResponders() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            let error = await #expect(throws: NATSError.self) {
                _ = try await connection.request(subject: "nobody.home", data: [], timeout: .seconds(5))
            }
            #expect(error?.kind == .noResponders)
            await connection.close()
        }
    }

    @Test("a request times out when the responder stays silent")
    func requestTimeout() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            let silent = try connection.subscribe(subject: "silent")
            try await connection.flush()
            let start = ContinuousClock.now
            let error = await #expect(throws: NATSError.self) {
                _ = try await connection.request(subject: "silent", data: [], timeout: .milliseconds(300))
            }
            #expect(error?.kind == .timeout)
            #expect(ContinuousClock.now - start < .seconds(3))
            try silent.unsubscribe()
            await connection.close()
        }
    }

    @Test("drain delivers in-flight messages and closes the connection")
    func drain() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await connect(server)
            let events = connection.events()
            try await connection.drain(timeout: .seconds(5))
            #expect(connection.isClosed)
            var seen: [NATSConnectionEvent] = []
            for await event in events { seen.append(event) }
            #expect(seen.last == .closed)
        }
    }
}
