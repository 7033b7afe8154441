import Foundation
import Testing

@testable import HodeiPlan

struct NormaliserTests {
    @Test(arguments: ["server-2.15.1", "server-2.9.10"])
    func minimalStreamMatchesWhatTheServerReported(server: String) throws {
        let info = try Fixtures.decode(StreamInfo.self, "\(server)/stream-create-minimal.json")
        #expect(Normaliser.normalise(StreamConfig(name: "MINIMAL")) == Normaliser.normalise(info.config))
    }

    @Test(arguments: ["server-2.15.1", "server-2.9.10"])
    func shortMaxAgeCapsTheDefaultDuplicateWindow(server: String) throws {
        let info = try Fixtures.decode(StreamInfo.self, "\(server)/stream-create-shortage.json")
        let desired = StreamConfig(fields: ["name": "SHORT", "max_age": 30_000_000_000])
        #expect(Normaliser.normalise(desired) == Normaliser.normalise(info.config))
    }

    @Test(arguments: [
        ("server-2.15.1", "consumer-create-pull-minimal.json", ["durable_name": "workers"] as [String: JSONValue]),
        ("server-2.9.10", "consumer-create-pull-minimal.json", ["durable_name": "workers"]),
        ("server-2.15.1", "consumer-create-push.json", ["durable_name": "pusher", "deliver_subject": "deliver.pusher", "ack_policy": "explicit"]),
        ("server-2.9.10", "consumer-create-push.json", ["durable_name": "pusher", "deliver_subject": "deliver.pusher", "ack_policy": "explicit"]),
        // Requested ack_wait 10s is replaced by the first backoff step on both servers.
        ("server-2.9.10", "consumer-create-pull-full.json", [
            "durable_name": "processors", "ack_policy": "explicit", "ack_wait": 10_000_000_000, "max_deliver": 5,
            "filter_subject": "hodei.events.a.>", "max_ack_pending": 50, "backoff": [1_000_000_000, 2_000_000_000],
            "description": "job processors",
        ]),
    ] as [(String, String, [String: JSONValue])])
    func consumerDefaultsMatchWhatTheServerReported(server: String, file: String, desired: [String: JSONValue]) throws {
        let info = try Fixtures.decode(ConsumerInfo.self, "\(server)/\(file)")
        #expect(Normaliser.normalise(ConsumerConfig(fields: desired)) == Normaliser.normalise(info.config))
    }

    @Test func stripsEveryReservedMetadataKey() {
        let config = StreamConfig(fields: [
            "name": "S", "metadata": ["_nats.level": "5", "_nats.ver": "2.15.1", "_nats.mirror.x": "y", "team": "ci"],
        ])
        #expect(Normaliser.normalise(config)["metadata"] == ["team": "ci"])
        let onlyReserved = StreamConfig(fields: ["name": "S", "metadata": ["_nats.req.level": "0"]])
        #expect(Normaliser.normalise(onlyReserved)["metadata"] == nil)
    }

    @Test func subjectsCompareAsSets() {
        let a = StreamConfig(fields: ["name": "S", "subjects": ["b", "a", "a"]])
        let b = StreamConfig(fields: ["name": "S", "subjects": ["a", "b"]])
        #expect(Normaliser.normalise(a) == Normaliser.normalise(b))
    }

    @Test func singleFilterSubjectsEqualsFilterSubject() {
        let a = ConsumerConfig(fields: ["durable_name": "c", "filter_subjects": ["x.>"]])
        let b = ConsumerConfig(fields: ["durable_name": "c", "filter_subject": "x.>"])
        #expect(Normaliser.normalise(a) == Normaliser.normalise(b))
    }

    @Test(arguments: [
        ("max_msgs", JSONValue.int(0)), ("max_bytes", 0), ("max_consumers", 0), ("num_replicas", 0), ("max_msg_size", 0),
        ("retention", "limits"), ("discard", "old"), ("storage", "file"), ("compression", "none"),
        ("duplicate_window", 120_000_000_000), ("sealed", false), ("description", ""), ("metadata", [:]),
    ] as [(String, JSONValue)])
    func absentEqualsDefault(field: String, value: JSONValue) {
        let explicit = StreamConfig(fields: ["name": "S", field: value])
        #expect(Normaliser.normalise(explicit) == Normaliser.normalise(StreamConfig(name: "S")))
    }

    @Test func mirrorsGetNoDefaultSubjects() {
        let mirror = StreamConfig(fields: ["name": "M", "mirror": ["name": "S"]])
        #expect(Normaliser.normalise(mirror)["subjects"] == nil)
    }
}
