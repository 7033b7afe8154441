import Foundation
import Testing

@testable import HodeiPlan

struct JetStreamModelTests {
    static let servers = ["server-2.15.1", "server-2.9.10"]

    @Test(arguments: servers)
    func decodesStreamInfoFromRealServer(server: String) throws {
        let info = try Fixtures.decode(StreamInfo.self, "\(server)/stream-info.json")
        #expect(info.config.name == "HODEI_EVENTS")
        #expect(info.config.subjects == ["hodei.events.b.>", "hodei.events.a.>"])
        #expect(info.config.retention == .limits)
        #expect(info.config.storage == .file)
        #expect(info.config.discard == .new)
        #expect(info.config.maxAge == 3_600_000_000_000)
        #expect(info.config.duplicateWindow == 60_000_000_000)
        #expect(info.config.maxMsgsPerSubject == 10)
        #expect(info.config.denyDelete == true)
        #expect(info.state.messages == 3)
        #expect(info.state.lastSeq == 3)
        #expect(info.state.consumerCount == 3)
    }

    @Test func currentServerKeepsMetadataAndCompressionButOldServerDropsThem() throws {
        let current = try Fixtures.decode(StreamInfo.self, "server-2.15.1/stream-info.json")
        #expect(current.config.compression == .s2)
        #expect(current.config.metadata?["_nats.ver"] == "2.15.1")
        #expect(current.config.userMetadata == ["hodei.managed-by": "hodei-provision", "hodei.profile": "dev"])
        // 2.9.10 accepted the same create request and silently dropped both fields.
        let old = try Fixtures.decode(StreamInfo.self, "server-2.9.10/stream-info.json")
        #expect(old.config.compression == nil)
        #expect(old.config.metadata == nil)
    }

    @Test(arguments: servers)
    func decodesConsumerInfoFromRealServer(server: String) throws {
        let info = try Fixtures.decode(ConsumerInfo.self, "\(server)/consumer-info.json")
        #expect(info.name == "processors")
        #expect(info.streamName == "HODEI_EVENTS")
        #expect(info.config.ackPolicy == .explicit)
        #expect(info.config.backoff == [1_000_000_000, 2_000_000_000])
        // The server replaced the requested ack_wait (10s) with the first backoff step.
        #expect(info.config.ackWait == 1_000_000_000)
        #expect(info.config.maxWaiting == 512)
        #expect(info.numPending == 3)
        #expect(info.numAckPending == 0)
    }

    @Test func decodesAccountInfoWithAndWithoutAPILevel() throws {
        let current = try Fixtures.decode(AccountInfo.self, "server-2.15.1/account-info.json")
        #expect(current.api.level == 5)
        #expect(current.limits.maxStreams == -1)
        let old = try Fixtures.decode(AccountInfo.self, "server-2.9.10/account-info.json")
        #expect(old.api.level == nil)
        #expect(old.limits.maxMemory == -1)
    }

    @Test(arguments: [
        ("server-2.15.1/error-stream-not-found.json", 404, 10059, "stream not found"),
        ("server-2.15.1/error-update-storage.json", 500, 10052, "stream configuration update can not change storage type"),
        ("server-2.15.1/error-stream-create-different.json", 400, 10058, "stream name already in use with a different configuration"),
        ("server-2.15.1/error-stream-create-unknown-field.json", 400, 10025, "invalid JSON: json: unknown field \"x_future_field\""),
        ("server-2.15.1/error-consumer-update-ack-policy.json", 500, 10012, "ack policy can not be updated"),
        ("server-2.9.10/error-update-retention-workqueue.json", 500, 10052, "stream configuration update can not change retention policy"),
    ])
    func decodesAPIErrors(path: String, code: Int, errCode: Int, description: String) throws {
        let response = try APIResponse<StreamInfo>.decode(try Fixtures.data(path))
        guard case .failure(let error) = response else {
            Issue.record("expected an API error in \(path)")
            return
        }
        #expect(error == APIError(code: code, errCode: errCode, description: description))
    }

    @Test func apiResponseDecodesSuccess() throws {
        let response = try APIResponse<StreamInfo>.decode(try Fixtures.data("server-2.15.1/stream-create-minimal.json"))
        let info = try response.get()
        #expect(info.config.subjects == ["MINIMAL"])
    }

    @Test func unknownFieldsSurviveDecodeAndEncode() throws {
        let text = #"{"name":"S","x_future":{"a":[1,2.5,"z",null,true]},"max_age":9223372036854775807}"#
        let config = try JSONDecoder().decode(StreamConfig.self, from: Data(text.utf8))
        #expect(config["x_future"] == ["a": [1, 2.5, "z", nil, true]])
        #expect(config.maxAge == Int64.max)
        let again = try JSONDecoder().decode(StreamConfig.self, from: JSONEncoder().encode(config))
        #expect(again == config)
    }

    @Test func typedAccessorsWriteWireNames() throws {
        var config = StreamConfig(name: "S")
        config.storage = .memory
        config.maxAge = 60_000_000_000
        config.metadata = ["k": "v"]
        config.allowMsgTTL = true
        #expect(config.fields == ["name": "S", "storage": "memory", "max_age": 60_000_000_000, "metadata": ["k": "v"], "allow_msg_ttl": true])
        var consumer = ConsumerConfig(durableName: "c")
        consumer.deliverPolicy = .byStartSequence
        consumer.filterSubjects = ["a", "b"]
        #expect(consumer["deliver_policy"] == "by_start_sequence")
        #expect(consumer.resolvedName == "c")
    }

    @Test func decodesEveryCapturedFixture() throws {
        for server in Self.servers {
            let directory = Fixtures.directory.appendingPathComponent(server)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
                _ = try JSONDecoder().decode(JSONValue.self, from: Fixtures.data("\(server)/\(file)"))
            }
        }
    }

    @Test(arguments: [
        ("2.15.1", ServerVersion(2, 15, 1)), ("v2.9.10", ServerVersion(2, 9, 10)), ("2.10", ServerVersion(2, 10, 0)),
        ("2.11.0-RC.2", ServerVersion(2, 11, 0, preRelease: "RC.2")),
    ])
    func parsesServerVersions(text: String, expected: ServerVersion) {
        #expect(ServerVersion(text) == expected)
    }

    @Test func ordersServerVersions() {
        #expect(ServerVersion(2, 9, 10) < ServerVersion(2, 10))
        #expect(ServerVersion(2, 11, 0, preRelease: "RC.1") < ServerVersion(2, 11))
        #expect(ServerVersion("2.x") == nil)
        #expect(ServerVersion("") == nil)
    }
}

struct ListPageTests {
    // 2.9.10 created "UNKNOWN" (it ignores the unknown field); 2.15.1 refused it with 10025.
    @Test(arguments: [("server-2.15.1", ["HODEI_EVENTS", "MINIMAL"]), ("server-2.9.10", ["HODEI_EVENTS", "MINIMAL", "UNKNOWN"])])
    func decodesStreamAndConsumerLists(server: String, names: [String]) throws {
        let streams = try Fixtures.decode(StreamListPage.self, "\(server)/stream-list.json")
        #expect(streams.total == streams.streams.count)
        #expect(streams.streams.map { $0.config.name ?? "" }.sorted() == names)
        #expect(streams.nextOffset == nil)
        let consumers = try Fixtures.decode(ConsumerListPage.self, "\(server)/consumer-list.json")
        #expect(Set(consumers.consumers.map(\.name)) == ["processors", "pusher", "workers"])
        #expect(consumers.nextOffset == nil)
    }

    @Test func nullListIsEmpty() throws {
        let page = try JSONDecoder().decode(StreamListPage.self, from: Data(#"{"total":0,"offset":0,"limit":256,"streams":null}"#.utf8))
        #expect(page.streams.isEmpty)
        #expect(page.nextOffset == nil)
    }

    @Test func pagesUntilTotal() throws {
        let one = #"{"config":{"name":"A"},"state":{"messages":0}}"#
        let page = try JSONDecoder().decode(
            StreamListPage.self, from: Data(#"{"total":3,"offset":0,"limit":2,"streams":[\#(one),\#(one)]}"#.utf8))
        #expect(page.nextOffset == 2)
    }
}
