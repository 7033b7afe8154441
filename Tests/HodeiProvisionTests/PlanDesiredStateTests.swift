import Foundation
import HodeiPlan
import HodeiProvision
import Testing

/// Profile snippet → the exact wire JSON the planner is given.
@Suite("DesiredStateBuilder")
struct PlanDesiredStateTests {
    static func streamJSON(_ lines: [String]) throws -> String {
        let profile = try TestProfile.load(TestProfile.text(url: "nats://127.0.0.1:4222", tenants: (
            ["  acme:", "    streams:", "      S:"] + lines.map { "        " + $0 }).joined(separator: "\n")))
        let desired = DesiredStateBuilder.build(profile)
        return HodeiPlan.JSONValue.object(desired.tenants[0].streams[0].config.fields).canonicalText
    }

    static func consumerJSON(_ lines: [String]) throws -> String {
        let profile = try TestProfile.load(TestProfile.text(url: "nats://127.0.0.1:4222", tenants: (
            ["  acme:", "    streams:", "      S:", "        subjects: [\"s.>\"]", "        consumers:", "          c:"]
                + lines.map { "            " + $0 }).joined(separator: "\n")))
        let desired = DesiredStateBuilder.build(profile)
        return HodeiPlan.JSONValue.object(desired.tenants[0].streams[0].consumers[0].config.fields).canonicalText
    }

    @Test("stream fields", arguments: [
        (["subjects: [\"a.>\"]"],
         #"{"name":"S","num_replicas":1,"retention":"limits","storage":"file","subjects":["a.>"]}"#),
        (["subjects: [\"a.>\"]", "max_age: 1h", "duplicate_window: 90s", "max_bytes: 1GiB", "max_msgs: 100",
          "max_msg_size: 1KiB", "discard: new", "storage: memory", "retention: workqueue"],
         #"{"discard":"new","duplicate_window":90000000000,"max_age":3600000000000,"max_bytes":1073741824,"max_msg_size":1024,"max_msgs":100,"name":"S","num_replicas":1,"retention":"workqueue","storage":"memory","subjects":["a.>"]}"#),
        (["subjects: [\"a.>\"]", "compression: s2", "metadata: {team: ci}", "description: Events"],
         #"{"compression":"s2","description":"Events","metadata":{"team":"ci"},"name":"S","num_replicas":1,"retention":"limits","storage":"file","subjects":["a.>"]}"#),
        (["subjects: [\"a.>\"]", "compression: none", "deny_delete: true", "allow_direct: true"],
         #"{"allow_direct":true,"deny_delete":true,"name":"S","num_replicas":1,"retention":"limits","storage":"file","subjects":["a.>"]}"#),
    ])
    func stream(lines: [String], expected: String) throws {
        #expect(try Self.streamJSON(lines) == expected)
    }

    @Test("consumer fields", arguments: [
        (["filter: \"s.a\"", "ack: explicit", "ack_wait: 30s", "max_deliver: 5"],
         #"{"ack_policy":"explicit","ack_wait":30000000000,"deliver_policy":"all","durable_name":"c","filter_subject":"s.a","max_deliver":5,"name":"c"}"#),
        (["filters: [\"s.a\", \"s.b\"]", "ack: explicit", "backoff: [1s, 5s]", "max_ack_pending: 10"],
         #"{"ack_policy":"explicit","backoff":[1000000000,5000000000],"deliver_policy":"all","durable_name":"c","filter_subjects":["s.a","s.b"],"max_ack_pending":10,"name":"c"}"#),
    ])
    func consumer(lines: [String], expected: String) throws {
        #expect(try Self.consumerJSON(lines) == expected)
    }

    @Test("prevent_delete is carried for streams and consumers")
    func preventDelete() throws {
        let profile = try TestProfile.load(TestProfile.acme(
            url: "nats://127.0.0.1:4222", stream: ["prevent_delete: true"], consumer: ["prevent_delete: true"]))
        let stream = DesiredStateBuilder.build(profile).tenants[0].streams[0]
        #expect(stream.preventDelete)
        #expect(stream.consumers[0].preventDelete)
        #expect(stream.config["prevent_delete"] == nil)
    }
}
