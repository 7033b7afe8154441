import Foundation
import HodeiPlan
import HodeiProvision
import NATSClient
import NATSServerControl
import Synchronization
import Testing

@Suite("apply against nats-server", .serialized)
struct ApplyIntegrationTests {
    @Test("first apply creates everything; a second apply sends no mutating request")
    func idempotent() async throws {
        try await Live.with { live in
            let audit = try await APIAudit(url: live.server.url)
            let text = TestProfile.acme(url: live.server.url, stream: ["max_age: 1h"], consumer: ["ack_wait: 45s"])
            let (first, report) = try await reconcile(text, apply: true)
            #expect(first.plan.summary.create == 2)
            #expect(report?.succeeded == true)
            #expect(report?.results.map(\.description) == ["acme/EVENTS: created", "acme/EVENTS/workers: created"])

            let stream = try #require(try await live.admin.streamInfo("EVENTS"))
            #expect(stream.config.maxAge == 3_600_000_000_000)
            #expect(stream.config.metadata?["hodei.managed-by"] == "hodei-provision")
            let consumer = try #require(try await live.admin.consumerInfo(stream: "EVENTS", name: "workers"))
            #expect(consumer.config.ackWait == 45_000_000_000)
            #expect(consumer.config.filterSubject == "events.job.>")

            try await audit.settle()
            #expect(audit.mutating.count == 2)
            audit.reset()
            let (second, secondReport) = try await reconcile(text, apply: true)
            try await audit.settle()
            #expect(second.plan.summary.text == "No changes.")
            #expect(secondReport?.results.isEmpty == true)
            #expect(audit.mutating.isEmpty, "mutating API calls on a no-op apply: \(audit.mutating)")
            await audit.close()
        }
    }

    @Test("in-place updates keep every message")
    func inPlaceUpdateKeepsMessages() async throws {
        try await Live.with { live in
            let url = live.server.url
            _ = try await reconcile(TestProfile.acme(url: url, stream: ["max_age: 1h"], consumer: ["ack_wait: 30s"]), apply: true)
            try await live.publish(40)
            #expect(try await live.messages("EVENTS") == 40)

            let changed = TestProfile.acme(
                url: url, stream: ["max_age: 2h", "max_msgs: 5000"], consumer: ["ack_wait: 90s"])
                .replacingOccurrences(of: "subjects: [\"events.>\"]", with: "subjects: [\"events.>\", \"audit.>\"]")
            let (planned, report) = try await reconcile(changed, apply: true)
            #expect(resource(planned.plan, "acme/EVENTS")?.action == .update)
            #expect(resource(planned.plan, "acme/EVENTS/workers")?.action == .update)
            #expect(Set(resource(planned.plan, "acme/EVENTS")?.changes.map(\.field) ?? []) == ["max_age", "max_msgs", "subjects"])
            #expect(report?.succeeded == true)

            #expect(try await live.messages("EVENTS") == 40)
            let stream = try #require(try await live.admin.streamInfo("EVENTS"))
            #expect(stream.config.maxMsgs == 5000)
            #expect(Set(stream.config.subjects ?? []) == ["events.>", "audit.>"])
            let consumer = try #require(try await live.admin.consumerInfo(stream: "EVENTS", name: "workers"))
            #expect(consumer.config.ackWait == 90_000_000_000)
            #expect(try await reconcile(changed).0.plan.hasChanges == false)
        }
    }

    @Test("an immutable change is blocked without --allow-replace, with the messages it would lose")
    func replaceNeedsAllowReplace() async throws {
        try await Live.with { live in
            let url = live.server.url
            _ = try await reconcile(TestProfile.acme(url: url), apply: true)
            try await live.publish(25)
            let memory = TestProfile.acme(url: url).replacingOccurrences(of: "storage: file", with: "storage: memory")

            let (blocked, blockedReport) = try await reconcile(memory, apply: true)
            let step = try #require(resource(blocked.plan, "acme/EVENTS"))
            #expect(step.action == .replace)
            #expect(step.blocked?.contains("--allow-replace") == true)
            #expect(step.dataLoss?.messages == 25)
            #expect(PlanRenderer().render(blocked.plan).contains("25 messages would be lost"))
            #expect(blockedReport?.results.isEmpty == true)
            #expect(try await live.messages("EVENTS") == 25)

            let (replaced, report) = try await reconcile(memory, options: PlanOptions(allowReplace: true), apply: true)
            #expect(resource(replaced.plan, "acme/EVENTS")?.blocked == nil)
            #expect(report?.succeeded == true)
            let stream = try #require(try await live.admin.streamInfo("EVENTS"))
            #expect(stream.config.storage == .memory)
            #expect(stream.state.messages == 0)
            #expect(try await live.admin.consumerInfo(stream: "EVENTS", name: "workers") != nil)
            #expect(try await reconcile(memory).0.plan.hasChanges == false)
        }
    }

    @Test("a stream removed from the profile is deleted only with --prune; prevent_delete is absolute")
    func pruneAndPreventDelete() async throws {
        try await Live.with { live in
            let url = live.server.url
            let extra: KeyValuePairs<String, [String]> = [
                "OLD": ["subjects: [\"old.>\"]"], "KEEP": ["subjects: [\"keep.>\"]", "prevent_delete: true"],
            ]
            _ = try await reconcile(TestProfile.acme(url: url, extraStreams: extra), apply: true)
            #expect(try await live.admin.streamNames().sorted() == ["EVENTS", "KEEP", "OLD"])

            let without = TestProfile.acme(url: url)
            let (kept, _) = try await reconcile(without, apply: true)
            #expect(resource(kept.plan, "acme/OLD")?.blocked?.contains("--prune") == true)
            #expect(try await live.admin.streamNames().sorted() == ["EVENTS", "KEEP", "OLD"])

            let (pruned, report) = try await reconcile(
                without, options: PlanOptions(allowReplace: true, prune: true), apply: true)
            #expect(resource(pruned.plan, "acme/OLD")?.action == .delete)
            #expect(resource(pruned.plan, "acme/KEEP")?.blocked?.contains("prevent_delete") == true)
            #expect(report?.succeeded == true)
            #expect(try await live.admin.streamNames().sorted() == ["EVENTS", "KEEP"])
        }
    }

    @Test("an unmanaged stream of the same name is left alone, and adopted with --adopt")
    func unmanagedAndAdopt() async throws {
        try await Live.with { live in
            var foreign = StreamConfig(name: "EVENTS")
            foreign.subjects = ["events.>"]
            try await live.admin.createStream(foreign)
            try await live.publish(5)
            let text = TestProfile.acme(url: live.server.url, stream: ["max_msgs: 100"])

            let (left, report) = try await reconcile(text, apply: true)
            #expect(resource(left.plan, "acme/EVENTS")?.action == .unmanaged)
            #expect(report?.results.isEmpty == true, "nothing is sent into a stream this profile does not manage")
            #expect(try await live.admin.streamInfo("EVENTS")?.config.maxMsgs == -1)

            let (adopted, adoptReport) = try await reconcile(text, options: PlanOptions(adopt: true), apply: true)
            #expect(resource(adopted.plan, "acme/EVENTS")?.action == .update)
            #expect(adoptReport?.succeeded == true)
            let stream = try #require(try await live.admin.streamInfo("EVENTS"))
            #expect(stream.config.maxMsgs == 100)
            #expect(stream.config.metadata?["hodei.profile"] == "test")
            #expect(stream.state.messages == 5)
        }
    }

    @Test("--target limits the apply to one stream")
    func target() async throws {
        try await Live.with { live in
            let extra: KeyValuePairs<String, [String]> = ["OTHER": ["subjects: [\"other.>\"]"]]
            let text = TestProfile.acme(url: live.server.url, extraStreams: extra)
            let target = try #require(ResourceAddress("acme/OTHER"))
            let (planned, report) = try await reconcile(text, options: PlanOptions(targets: [target]), apply: true)
            #expect(planned.plan.resources.map(\.address.description) == ["acme/OTHER"])
            #expect(report?.succeeded == true)
            #expect(try await live.admin.streamNames() == ["OTHER"])
        }
    }

    @Test("one tenant whose account has no JetStream does not stop the others")
    func failingTenant() async throws {
        let accounts = """
        accounts {
          GOOD: { jetstream: enabled, users: [{user: good, password: good-pass}] }
          BAD: { users: [{user: bad, password: bad-pass}] }
        }
        """
        try await withNATSServer(NATSServerConfiguration(extraConfig: accounts)) { server in
            let text = TestProfile.text(url: server.url, tenants: """
                  good:
                    streams:
                      EVENTS: { subjects: ["events.>"] }
                  bad:
                    streams:
                      EVENTS: { subjects: ["events.>"] }
                """)
            let connector = StaticTenantConnector(urls: [server.url], auth: [
                "good": .userPassword(user: "good", password: "good-pass"),
                "bad": .userPassword(user: "bad", password: "bad-pass"),
            ])
            let reconciler = Reconciler(profile: try TestProfile.load(text), connector: connector)
            let planned = await reconciler.plan()
            let report = await reconciler.apply(planned.plan)
            await reconciler.close()
            let bad = try #require(resource(planned.plan, "bad"))
            #expect(bad.action == .error)
            #expect(bad.reason?.contains("JetStream is not enabled for the account of tenant bad") == true, "\(bad.reason ?? "")")
            #expect(resource(planned.plan, "good/EVENTS")?.action == .create)
            #expect(report.results.map(\.description) == ["good/EVENTS: created"])
        }
    }
}

@Suite("apply against nats-server 2.9.10", .serialized)
struct ApplyOldServerTests {
    @Test("compression: s2 is refused at plan time on 2.9.10, naming the field and version; nothing is sent")
    func compressionRefused() async throws {
        guard let old = oldServerBinary() else { return }
        try await Live.with(binary: old) { live in
            let audit = try await APIAudit(url: live.server.url)
            let text = TestProfile.acme(url: live.server.url, stream: ["compression: s2"])
            let (planned, _) = try await reconcile(text)
            let step = try #require(resource(planned.plan, "acme/EVENTS"))
            #expect(step.action == .error)
            #expect(step.reason?.contains("compression") == true)
            #expect(step.reason?.contains("2.9.10") == true)
            #expect(!step.isExecutable)
            try await audit.settle()
            #expect(audit.mutating.isEmpty)
            #expect(try await live.admin.streamNames().isEmpty)
            await audit.close()
        }
    }

    @Test("on 2.9.10 apply creates, records ownership in the description, and a second apply changes nothing")
    func oldServerIdempotent() async throws {
        guard let old = oldServerBinary() else { return }
        try await Live.with(binary: old) { live in
            let audit = try await APIAudit(url: live.server.url)
            let text = TestProfile.acme(url: live.server.url, consumer: ["max_deliver: 3"])
            let (first, report) = try await reconcile(text, apply: true)
            #expect(first.capabilities.version == HodeiPlan.ServerVersion(2, 9, 10))
            #expect(report?.succeeded == true)
            let stream = try #require(try await live.admin.streamInfo("EVENTS"))
            #expect(stream.config.description?.hasPrefix("[hodei-provision:test]") == true)
            try await audit.settle()
            audit.reset()
            let (second, secondReport) = try await reconcile(text, apply: true)
            try await audit.settle()
            #expect(second.plan.summary.text == "No changes.")
            #expect(secondReport?.results.isEmpty == true)
            #expect(audit.mutating.isEmpty, "\(audit.mutating)")
            await audit.close()
        }
    }
}

@Suite("apply against a 3-node cluster")
struct ApplyClusterTests {
    @Test("the cluster size comes from the profile's nodes when the server is clustered; R3 streams are created")
    func clusterReplicas() async throws {
        try await withNATSCluster(size: 3) { cluster in
            let base = TestProfile.acme(url: cluster.urls[0], stream: ["replicas: 3"])
            let text = base.replacingOccurrences(of: "auth:", with: "cluster:\n  name: c\n  nodes: [n1, n2, n3]\nauth:")
            let (planned, report) = try await reconcile(text, apply: true)
            #expect(planned.capabilities.clusterSize == 3)
            #expect(report?.succeeded == true, "\(report?.failures.map(\.description) ?? [])")
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: cluster.urls))
            let info = try await JetStreamAdmin(connection: connection, tenant: "acme").streamInfo("EVENTS")
            #expect(info?.config.numReplicas == 3)
            await connection.close()
            #expect(try await reconcile(text).0.plan.hasChanges == false)
        }
    }
}

@Suite("apply: consumers")
struct ApplyConsumerTests {
    @Test("an immutable consumer change is a replace; a consumer removed from the profile is deleted with --prune")
    func consumerReplaceAndPrune() async throws {
        try await Live.with { live in
            let url = live.server.url
            let two = TestProfile.acme(url: url).replacingOccurrences(
                of: "        consumers:\n", with: "        consumers:\n          extra:\n            ack: explicit\n")
            _ = try await reconcile(two, apply: true)
            #expect(Set(try await live.admin.consumers(of: "EVENTS").map(\.name)) == ["extra", "workers"])

            let changed = TestProfile.acme(url: url, consumer: ["deliver_policy: new"])
            let (blocked, _) = try await reconcile(changed, apply: true)
            #expect(resource(blocked.plan, "acme/EVENTS/workers")?.action == .replace)
            #expect(resource(blocked.plan, "acme/EVENTS/extra")?.blocked?.contains("--prune") == true)

            let (planned, report) = try await reconcile(
                changed, options: PlanOptions(allowReplace: true, prune: true), apply: true)
            #expect(report?.succeeded == true, "\(report?.failures.map(\.description) ?? [])")
            #expect(report?.results.map(\.description).sorted()
                == ["acme/EVENTS/extra: deleted", "acme/EVENTS/workers: replaced"])
            #expect(planned.plan.destructiveSteps.count == 2)
            let consumers = try await live.admin.consumers(of: "EVENTS")
            #expect(consumers.map(\.name) == ["workers"])
            #expect(consumers.first?.config.deliverPolicy == .new)
        }
    }
}

/// Records progress calls (for the test below).
final class RecordingReporter: ApplyReporter {
    let calls = Mutex<[(String, Int, Int)]>([])

    func finished(_ result: ResourceResult, done: Int, total: Int) {
        calls.withLock { $0.append((result.address.description, done, total)) }
    }
}

@Suite("apply: many streams")
struct ApplyManyTests {
    @Test("30 streams are applied concurrently with one progress call per resource")
    func progress() async throws {
        try await Live.with { live in
            let streams = (0..<30).map { index in
                (name: "S\(index)", lines: ["subjects: [\"s\(index).>\"]", "storage: memory"])
            }
            var lines = ["  acme:", "    streams:"]
            for stream in streams {
                lines.append("      \(stream.name):")
                lines += stream.lines.map { "        " + $0 }
            }
            let reconciler = Reconciler(profile: try TestProfile.load(TestProfile.text(url: live.server.url, tenants: lines.joined(separator: "\n"))))
            let planned = await reconciler.plan()
            let reporter = RecordingReporter()
            let report = await reconciler.apply(planned.plan, maxInFlight: 8, reporter: reporter)
            await reconciler.close()
            #expect(report.succeeded)
            #expect(report.results.count == 30)
            let calls = reporter.calls.withLock { $0 }
            #expect(calls.map(\.1).sorted() == Array(1...30))
            #expect(calls.allSatisfy { $0.2 == 30 })
            #expect(Set(calls.map(\.0)).count == 30)
            #expect(try await live.admin.streamNames().count == 30)
        }
    }
}
