import Foundation
import HodeiPlan
import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

@Suite("destroy on a real server")
struct DestroyTests {
    @Test("destroy deletes only this profile's managed resources; prevent_delete and strangers survive")
    func onlyManaged() async throws {
        try await withNATSServer { server in
            let text = OpsProfile.text(url: server.url, streams: OpsProfile.standard)
            _ = try await OpsProfile.run(text, apply: true)
            // A stream made by someone else, and one managed by another environment's profile.
            let other = OpsProfile.text(url: server.url, environment: "other", streams: """
                      OTHER:
                        subjects: ["other.>"]
                """)
            _ = try await OpsProfile.run(other, apply: true)
            let reconciler = Reconciler(profile: try OpsProfile.load(text))
            let admin = try await reconciler.sessions.admin(for: "acme")
            _ = try await admin.createStream(StreamConfig(fields: ["name": "HANDMADE", "subjects": ["hand.>"]]))

            let planned = await reconciler.plan(options: PlanOptions(destroy: true))
            let actions = Dictionary(uniqueKeysWithValues: planned.plan.resources.map { ($0.address.description, $0) })
            #expect(actions["acme/EVENTS"]?.action == .delete)
            #expect(actions["acme/EVENTS"]?.isExecutable == true)
            #expect(actions["acme/AUDIT"]?.blocked != nil)
            #expect(actions["acme/HANDMADE"] == nil)
            #expect(actions["acme/OTHER"] == nil)

            let report = await reconciler.apply(planned.plan)
            #expect(report.succeeded)
            let names = Set(try await admin.streamNames())
            await reconciler.close()
            #expect(names == ["AUDIT", "HANDMADE", "OTHER"])
        }
    }

    @Test("--target limits destroy to one stream (its consumers go with it)")
    func targeted() async throws {
        try await withNATSServer { server in
            let text = OpsProfile.text(url: server.url, streams: OpsProfile.standard)
            _ = try await OpsProfile.run(text, apply: true)
            let target = try #require(ResourceAddress("acme/EVENTS"))
            let (plan, report) = try await OpsProfile.run(text, options: PlanOptions(targets: [target], destroy: true), apply: true)
            #expect(plan.resources.filter(\.isExecutable).map(\.address.description) == ["acme/EVENTS"])
            #expect(report?.succeeded == true)
            let drift = Reconciler(profile: try OpsProfile.load(text))
            let after = await drift.drift()
            await drift.close()
            #expect(Set(after.resources.map(\.address)) == ["acme/EVENTS", "acme/EVENTS/tail", "acme/EVENTS/workers"])
            #expect(after.resources.allSatisfy { $0.action == "create" })
        }
    }
}
