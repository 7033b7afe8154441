import Foundation
import NATSClient
import NATSServerControl
import Synchronization
import Testing

@Suite("Connection events and server harness", .timeLimit(.minutes(3)))
struct EventsAndClusterTests {
    @Test("a server restart shows as disconnected then reconnected; close ends with closed")
    func eventsOnRestart() async throws {
        try await withNATSServer { server in
            let connection = try await connect(server)
            let events = connection.events()
            var iterator = events.makeAsyncIterator()
            await server.stop()
            #expect(await iterator.next() == .disconnected)
            try await server.restart()
            #expect(await iterator.next() == .reconnected)
            await connection.close()
            // libnats reports the close of a connected connection as disconnected, then closed.
            var rest: [NATSConnectionEvent] = []
            while let event = await iterator.next() { rest.append(event) }
            #expect(rest.last == .closed)
            #expect(!rest.contains(.reconnected))
        }
    }

    @Test("restart keeps port and JetStream store")
    func restartKeepsStore() async throws {
        try await withNATSServer { server in
            let port = server.port
            do {
                let connection = try await connect(server)
                let js = try connection.jetStream()
                try await createStream(js, name: "KEEP", subjects: ["keep.>"])
                _ = try await js.publish(subject: "keep.a", data: [1])
                await connection.close()
            }
            await server.kill()
            #expect(!server.isRunning)
            try await server.restart()
            #expect(server.port == port)
            let connection = try await connect(server)
            #expect(try await streamMessageCount(try connection.jetStream(), "KEEP") == 1)
            await connection.close()
        }
    }

    @Test("the server binary reports its version; the old one too")
    func versions() async throws {
        let current = try NATSServerBinary.resolve()
        let version = try await current.version()
        #expect(version.split(separator: ".").count == 3)
        if let old = try? NATSServerBinary.resolveOld() {
            #expect(try await old.version().hasPrefix("2.9."))
        }
    }

    @Test("a log wait ends as soon as its task is cancelled, not at its timeout")
    func logWaitHonoursCancellation() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let clock = ContinuousClock()
            let started = clock.now
            let wait = Task { await server.waitForLog("a line this server never writes", timeout: .seconds(60)) }
            try await Task.sleep(for: .milliseconds(50))  // let the wait register (either order must end it)
            wait.cancel()
            let found = await wait.value
            #expect(!found)
            #expect(clock.now - started < .seconds(10), "the wait ran on after cancellation")
        }
    }

    @Test("the scoped helper removes its directory also when the body throws")
    func cleanupOnThrow() async throws {
        struct Boom: Error {}
        let directory = Mutex<URL?>(nil)
        await #expect(throws: Boom.self) {
            try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
                directory.withLock { $0 = server.directory }
                throw Boom()
            }
        }
        let path = try #require(directory.withLock { $0 }).path
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a 3-node cluster starts, loses a node and gets it back with its store")
    func cluster() async throws {
        try await withNATSCluster { cluster in
            #expect(cluster.nodes.count == 3)
            let connection = try await NATSConnection.connect(testOptions(cluster.urls))
            let js = try connection.jetStream()
            try await retrying(for: .seconds(20)) {
                try await createStream(js, name: "REPL", subjects: ["repl.>"], extra: ",\"num_replicas\":3")
            }
            _ = try await retrying(for: .seconds(20)) { try await js.publish(subject: "repl.a", data: [1]) }
            let victim = cluster.nodes[2]
            let mark = victim.logMark
            await victim.kill()
            // While the stream elects a new leader the publish may find no responder: retry, bounded.
            let ack = try await retrying(for: .seconds(20)) {
                try await js.publish(subject: "repl.b", data: [2], timeout: .seconds(2))
            }
            #expect(ack.sequence == 2)
            try await victim.restart()
            #expect(await victim.waitForLog("JetStream", after: mark, timeout: .seconds(10)))
            let direct = try await NATSConnection.connect(testOptions([victim.url]))
            #expect(direct.connectedURL?.contains("\(victim.port)") == true)
            #expect(FileManager.default.fileExists(atPath: victim.storeDirectory.path))
            await direct.close()
            await connection.close()
        }
    }
}

/// Retries `body` on `.noResponders` / `.timeout` (a cluster electing leaders) until `limit` passes.
func retrying<T>(for limit: Duration, _ body: () async throws -> T) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while true {
        do {
            return try await body()
        } catch let error as NATSError where (error.kind == .noResponders || error.kind == .timeout)
            && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))  // back-off between attempts, not synchronisation
        }
    }
}
