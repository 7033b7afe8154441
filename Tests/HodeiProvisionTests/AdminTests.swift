import Foundation
import HodeiPlan
import HodeiProvision
@testable import NATSClient
import NATSServerControl
import Testing

@Suite("JetStreamAdmin against nats-server", .serialized)
struct AdminTests {
    @Test("the INFO probe reads the server's version, id and JetStream flag")
    func probe() async throws {
        try await Live.with { live in
            let info = try await NATSServerInfo.probe(url: live.server.url)
            let expected = try await NATSServerBinary.resolve().version()
            #expect(info.version == expected)
            #expect(info.jetStream)
            #expect(!info.tlsRequired)
            #expect(info.serverID == live.connection.connectedServerID)
        }
    }

    @Test("the INFO probe on 2.9.10 gives the version that $JS.API.INFO lacks")
    func probeOldServer() async throws {
        guard let old = oldServerBinary() else { return }
        try await Live.with(binary: old) { live in
            let info = try await NATSServerInfo.probe(url: live.server.url)
            #expect(info.version == (try await old.version()))
            #expect(try await live.admin.accountInfo().api.level == nil)
            let caps = await ServerCapabilitiesReader(connector: StaticTenantConnector(urls: [live.server.url]))
                .capabilities(accountInfo: try await live.admin.accountInfo()).0
            #expect(!caps.supportsConsumerAction)
        }
    }

    @Test("probing a closed port fails with connection refused")
    func probeRefused() async throws {
        let port = try FreePort.next()
        await #expect(throws: NATSError.self) { try await NATSServerInfo.probe(url: "nats://127.0.0.1:\(port)") }
    }

    @Test("INFO lines and URLs parse", arguments: [
        ("nats://127.0.0.1:4222", "127.0.0.1", UInt16(4222)),
        ("tls://user:pw@localhost:7422", "localhost", UInt16(7422)),
        ("[::1]:5000", "::1", UInt16(5000)),
        ("localhost", "localhost", UInt16(4222)),
    ])
    func parseURL(url: String, host: String, port: UInt16) throws {
        let info = try NATSServerInfo(infoLine: #"INFO {"server_id":"N1","version":"2.10.4","jetstream":true,"connect_urls":["a:1"]}"# + "\r\n")
        #expect(info.version == "2.10.4" && info.jetStream && info.connectURLs == ["a:1"])
        let parsed = try NATSServerInfo.hostAndPort(url)
        #expect(parsed.0 == host && parsed.1 == port)
    }

    @Test("streams and consumers are listed across pages")
    func paging() async throws {
        try await Live.with { live in
            let admin = live.admin
            for index in 0..<260 {
                var config = StreamConfig(name: "S\(index)")
                config.storage = .memory
                config.subjects = ["s.\(index)"]
                try await admin.createStream(config)
            }
            for index in 0..<260 {
                var config = ConsumerConfig(durableName: "c\(index)")
                config.ackPolicy = .explicit
                try await admin.createConsumer(stream: "S0", config)
            }
            #expect(Set(try await admin.streamNames()).count == 260)
            let streams = try await admin.streams()
            #expect(Set(streams.compactMap(\.config.name)).count == 260)
            #expect(Set(try await admin.consumers(of: "S0").map(\.name)).count == 260)
        }
    }

    @Test("API errors keep code, err_code and description and name the resource")
    func apiErrors() async throws {
        try await Live.with { live in
            var config = StreamConfig(name: "ORDERS")
            config.subjects = ["orders.>"]
            try await live.admin.createStream(config)
            config.subjects = ["other.>"]
            let error = await #expect(throws: JetStreamAdminError.self) { try await live.admin.createStream(config) }
            #expect(error?.apiError?.errCode == APIError.streamNameInUse)
            #expect(error?.apiError?.code == 400)
            #expect(error?.resource == "acme/ORDERS")
            #expect(error?.api == "STREAM.CREATE")
            #expect(error?.description.contains("fix:") == true)
            #expect(try await live.admin.streamInfo("MISSING") == nil)
            #expect(try await live.admin.consumerInfo(stream: "ORDERS", name: "nope") == nil)
        }
    }

    @Test("no responders names the tenant and says JetStream is not enabled")
    func noResponders() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            let admin = JetStreamAdmin(connection: connection, tenant: "globex")
            let error = await #expect(throws: JetStreamAdminError.self) { try await admin.accountInfo() }
            #expect(error?.failure == .noResponders)
            #expect(error?.description.contains("JetStream is not enabled for the account of tenant globex") == true)
            await connection.close()
        }
    }

    @Test("consumer create refuses an existing consumer (action create); update changes it in place")
    func consumerActions() async throws {
        try await Live.with { live in
            let admin = live.admin
            var stream = StreamConfig(name: "EVENTS")
            stream.subjects = ["events.>"]
            try await admin.createStream(stream)
            var consumer = ConsumerConfig(durableName: "w")
            consumer.ackPolicy = .explicit
            consumer.ackWait = 10_000_000_000
            try await admin.createConsumer(stream: "EVENTS", consumer)
            consumer.ackWait = 20_000_000_000
            let error = await #expect(throws: JetStreamAdminError.self) { try await admin.createConsumer(stream: "EVENTS", consumer) }
            #expect(error?.apiError?.errCode == APIError.consumerAlreadyExists)
            let updated = try await admin.updateConsumer(stream: "EVENTS", consumer)
            #expect(updated.config.ackWait == 20_000_000_000)
            var missing = ConsumerConfig(durableName: "ghost")
            missing.ackPolicy = .explicit
            let updateMissing = await #expect(throws: JetStreamAdminError.self) { try await admin.updateConsumer(stream: "EVENTS", missing) }
            #expect(updateMissing?.apiError?.errCode == APIError.consumerDoesNotExist)
            try await admin.deleteConsumer(stream: "EVENTS", name: "w")
            try await admin.deleteStream("EVENTS")
            #expect(try await admin.streamNames().isEmpty)
        }
    }

    @Test("on 2.9.10 consumer writes go without action and still create and update")
    func consumerWithoutAction() async throws {
        guard let old = oldServerBinary() else { return }
        try await Live.with(binary: old) { live in
            var admin = live.admin
            admin.usesConsumerActions = false
            var stream = StreamConfig(name: "EVENTS")
            stream.subjects = ["events.>"]
            try await admin.createStream(stream)
            var consumer = ConsumerConfig(durableName: "w")
            consumer.ackPolicy = .explicit
            try await admin.createConsumer(stream: "EVENTS", consumer)
            consumer.maxDeliver = 4
            #expect(try await admin.updateConsumer(stream: "EVENTS", consumer).config.maxDeliver == 4)
        }
    }
}
