import Foundation
import HodeiPlan
import NATSClient
import NATSServerControl
import Synchronization
import Testing

@testable import HodeiProvision

/// The live-state read is what makes a no-op plan trustworthy: it must see every stream and every
/// consumer, however many lists are in flight and whatever summary counts the server reports.
@Suite("reading the live state", .serialized)
struct ActualStateReaderTests {
    static func read(url: String, listsInFlight: Int = 32) async -> ActualTenant {
        let sessions = TenantSessions(connector: StaticTenantConnector(urls: [url]))
        let tenant = await ActualStateReader(sessions: sessions, listsInFlight: listsInFlight).readTenant("acme")
        await sessions.closeAll()
        return tenant
    }

    static func consumers(_ tenant: ActualTenant) -> [String: Set<String>] {
        guard case .streams(let streams) = tenant else { return [:] }
        return Dictionary(uniqueKeysWithValues: streams.map { ($0.name, Set($0.consumers.map(\.name))) })
    }

    @Test("every stream's consumers are read, with fewer lists in flight than streams")
    func everyConsumerWithABoundedWindow() async throws {
        try await Live.with { live in
            var expected: [String: Set<String>] = [:]
            for index in 0..<40 {
                var config = StreamConfig(name: "S\(index)")
                config.storage = .memory
                config.subjects = ["s.\(index)"]
                try await live.admin.createStream(config)
                // Every third stream has no consumer, the others 1 or 2.
                let names = (0..<(index % 3)).map { "c\(index)-\($0)" }
                for name in names {
                    var consumer = ConsumerConfig(durableName: name)
                    consumer.ackPolicy = .explicit
                    try await live.admin.createConsumer(stream: "S\(index)", consumer)
                }
                expected["S\(index)"] = Set(names)
            }
            for window in [1, 4, 32] {
                #expect(Self.consumers(await Self.read(url: live.server.url, listsInFlight: window)) == expected)
            }
        }
    }

    @Test("a consumer added to a stream that had none is seen by the next read")
    func consumerAddedLater() async throws {
        try await Live.with { live in
            var config = StreamConfig(name: "EMPTY")
            config.storage = .memory
            config.subjects = ["empty.>"]
            try await live.admin.createStream(config)
            #expect(Self.consumers(await Self.read(url: live.server.url)) == ["EMPTY": []])
            var consumer = ConsumerConfig(durableName: "late")
            consumer.ackPolicy = .explicit
            try await live.admin.createConsumer(stream: "EMPTY", consumer)
            #expect(Self.consumers(await Self.read(url: live.server.url)) == ["EMPTY": ["late"]])
        }
    }

    /// A JetStream API stand-in whose `STREAM.LIST` says `consumer_count: 0` while `CONSUMER.LIST`
    /// has a consumer (what a reader sees when a consumer is created between the two requests, or
    /// when a clustered stream leader's count lags the meta layer): the consumer must still be read,
    /// so a reader may not skip `CONSUMER.LIST` on a zero count.
    @Test("consumers are listed even when STREAM.LIST reports consumer_count 0")
    func consumerCountIsNotTrusted() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let responder = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            let subscription = try responder.subscribe(subject: "$JS.API.>")
            try await responder.flush()
            let consumerLists = ListCounter()
            let serving = Task {
                for await request in subscription {
                    guard let reply = request.reply else { continue }
                    let body: String
                    switch request.subject {
                    case "$JS.API.STREAM.LIST":
                        let stream = #"{"config":{"name":"%@","subjects":["%@.>"]},"state":{"messages":0,"consumer_count":0}}"#
                        let streams = ["A", "B"].map { String(format: stream, $0, $0) }.joined(separator: ",")
                        body = #"{"total":2,"offset":0,"limit":256,"streams":[\#(streams)]}"#
                    case "$JS.API.CONSUMER.LIST.A":
                        consumerLists.add()
                        body = #"{"total":1,"offset":0,"limit":256,"consumers":[{"stream_name":"A","name":"late","#
                            + #""config":{"durable_name":"late","ack_policy":"explicit"},"num_pending":0}]}"#
                    case "$JS.API.CONSUMER.LIST.B":
                        consumerLists.add()
                        body = #"{"total":0,"offset":0,"limit":256,"consumers":[]}"#
                    default:
                        body = #"{"error":{"code":404,"err_code":10059,"description":"stream not found"}}"#
                    }
                    try? responder.publish(subject: reply, data: Array(body.utf8))
                }
            }
            let tenant = await Self.read(url: server.url)
            serving.cancel()
            try? subscription.unsubscribe()
            await responder.close()
            #expect(Self.consumers(tenant) == ["A": ["late"], "B": []])
            #expect(consumerLists.value == 2)
        }
    }
}

private final class ListCounter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
