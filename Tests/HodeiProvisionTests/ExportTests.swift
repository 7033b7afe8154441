import Foundation
import HodeiPlan
import HodeiProfile

import HodeiProvision
import Testing

@Suite("Export: live configs → profile YAML")
struct ExportTests {
    /// A stream as nats-server 2.15 reports it: every default filled in, reserved metadata, our marker.
    static let streamJSON = """
    {"config":{"name":"BUILD_LOGS","subjects":["hodei.logs.>"],"retention":"limits","max_consumers":-1,
     "max_msgs":-1,"max_bytes":1073741824,"max_age":604800000000000,"max_msgs_per_subject":-1,"max_msg_size":-1,
     "discard":"old","storage":"file","num_replicas":1,"duplicate_window":120000000000,"compression":"none",
     "sealed":false,"deny_delete":false,"deny_purge":false,"allow_rollup_hdrs":false,"allow_direct":false,
     "mirror_direct":false,"consumer_limits":{},"allow_msg_ttl":false,"description":"Build log lines",
     "metadata":{"_nats.level":"1","_nats.ver":"2.15.1","_nats.req.level":"0","hodei.managed-by":"hodei-provision",
     "hodei.profile":"staging","hodei.prevent-delete":"true","team":"ci: core"}},
     "state":{"messages":3,"bytes":100,"first_seq":1,"last_seq":3,"consumer_count":2}}
    """

    static func consumer(_ json: String, name: String) throws -> ConsumerInfo {
        let config = try JSONDecoder().decode(ConsumerConfig.self, from: Data(json.utf8))
        return ConsumerInfo(streamName: "BUILD_LOGS", name: name, config: config)
    }

    static func input() throws -> ExportInput {
        let info = try JSONDecoder().decode(StreamInfo.self, from: Data(streamJSON.utf8))
        let explicit = try consumer("""
            {"durable_name":"ingest","name":"ingest","deliver_policy":"all","ack_policy":"explicit","ack_wait":60000000000,
             "max_deliver":3,"filter_subject":"hodei.logs.job.>","replay_policy":"instant","max_waiting":512,
             "max_ack_pending":5000,"num_replicas":0,"metadata":{"_nats.level":"1"}}
            """, name: "ingest")
        let noAck = try consumer("""
            {"durable_name":"tail","name":"tail","deliver_policy":"new","ack_policy":"none","max_deliver":-1,
             "replay_policy":"instant","max_waiting":512,"backoff":[],"inactive_threshold":0,"num_replicas":0}
            """, name: "tail")
        let retried = try consumer("""
            {"durable_name":"retry","deliver_policy":"all","ack_policy":"explicit","ack_wait":1000000000,
             "backoff":[1000000000,5000000000,30000000000],"max_deliver":6,"replay_policy":"instant",
             "max_waiting":512,"max_ack_pending":1000,"num_replicas":0}
            """, name: "retry")
        let bookkeeping = ActualStream(info: StreamInfo(config: StreamConfig(fields: [
            "name": "KV_hodei_provision", "subjects": ["$KV.hodei_provision.>"],
        ])))
        return ExportInput(
            environment: "staging", serverURLs: ["nats://127.0.0.1:4222"],
            tenants: [ExportTenant(name: "acme", streams: [
                ActualStream(info: info, consumers: [explicit, noAck, retried]), bookkeeping,
            ])])
    }

    @Test("the export loads and validates with the profile loader, with the live values")
    func loadsBack() throws {
        let result = ProfileExporter.render(try Self.input())
        let profile = try ProfileLoader(environment: [:]).load(text: result.text, file: "exported.profile")
        let errors = ProfileValidator(options: ValidationOptions()).issues(in: profile).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)\n\(result.text)")

        let tenant = try #require(profile.tenant(named: "acme"))
        #expect(tenant.streams.map(\.name) == ["BUILD_LOGS"])
        let stream = try #require(tenant.streams.first)
        #expect(stream.subjects == ["hodei.logs.>"])
        #expect(stream.maxBytes == 1 << 30)
        #expect(stream.maxAge == Int64(604_800_000_000_000))
        #expect(stream.description == "Build log lines")
        #expect(stream.metadata == ["team": "ci: core"])
        #expect(stream.preventDelete)
        let consumers = Dictionary(uniqueKeysWithValues: stream.consumers.map { ($0.name, $0) })
        #expect(consumers["ingest"]?.ackPolicy == .explicit)
        #expect(consumers["ingest"]?.ackWait == 60_000_000_000)
        #expect(consumers["ingest"]?.maxAckPending == 5000)
        #expect(consumers["tail"]?.ackPolicy == Consumer.AckPolicy.none)
        #expect(consumers["tail"]?.deliverPolicy == .new)
        #expect(consumers["retry"]?.backoff == [1_000_000_000, 5_000_000_000, 30_000_000_000])
    }

    @Test("only non-default fields are written, in the profile's keys and units")
    func onlyNonDefaults() throws {
        let text = ProfileExporter.render(try Self.input()).text
        for absent in ["storage:", "retention:", "discard:", "duplicate_window:", "max_msgs:", "num_replicas",
                       "replay", "max_waiting", "_nats", "hodei.managed-by", "KV_hodei_provision", "ack: explicit",
                       "compression", "consumer_limits", "ack_wait: 1s"] {
            #expect(!text.contains(absent), "\(absent) in\n\(text)")
        }
        for present in ["max_bytes: 1GiB", "max_age: 7d", "ack_wait: 1m", "ack: none", "backoff: [1s, 5s, 30s]",
                        "filter: \"hodei.logs.job.>\"", "prevent_delete: true", "team: \"ci: core\""] {
            #expect(text.contains(present), "\(present) missing in\n\(text)")
        }
    }

    @Test("a live field the profile language has no key for is reported, not written")
    func unknownFieldNoted() throws {
        var input = try Self.input()
        var stream = input.tenants[0].streams[0]
        stream.info.config.fields["allow_future_thing"] = true
        input.tenants[0].streams[0] = stream
        let result = ProfileExporter.render(input)
        #expect(!result.text.contains("allow_future_thing"))
        #expect(result.notes.contains { $0.contains("acme/BUILD_LOGS") && $0.contains("allow_future_thing") })
    }

    @Test("y and n are quoted (YAML 1.1 booleans), unlike in explain, and load back as strings")
    func yAndNAreQuoted() throws {
        var input = try Self.input()
        input.tenants[0].streams[0].info.config.fields["description"] = "y"
        let text = ProfileExporter.render(input).text
        #expect(text.contains("description: \"y\""), "\(text)")
        let profile = try ProfileLoader(environment: [:]).load(text: text, file: "exported.profile")
        #expect(profile.tenant(named: "acme")?.streams.first?.description == "y")
    }

    @Test("-1 where the server's default is a number is written as unlimited")
    func unlimited() throws {
        var input = try Self.input()
        input.tenants[0].streams[0].consumers[0].config.fields["max_ack_pending"] = -1
        #expect(ProfileExporter.render(input).text.contains("max_ack_pending: unlimited"))
    }

    @Test("sizes in binary units, durations compound", arguments: [
        ("max_msg_size", HodeiPlan.JSONValue.int(1_048_576), "max_msg_size: 1MiB"),
        ("max_msgs_per_subject", HodeiPlan.JSONValue.int(10), "max_msgs_per_subject: 10"),
        ("max_age", HodeiPlan.JSONValue.int(5_400_000_000_000), "max_age: 1h30m"),
    ])
    func formats(key: String, value: HodeiPlan.JSONValue, expected: String) throws {
        var input = try Self.input()
        input.tenants[0].streams[0].info.config.fields[key] = value
        #expect(ProfileExporter.render(input).text.contains(expected))
    }
}
