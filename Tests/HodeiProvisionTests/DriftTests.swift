import Foundation
import HodeiPlan
import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

@Suite("drift on a real server")
struct DriftTests {
    @Test("no drift after apply; a live edit and a deleted consumer are reported with fields and actions")
    func detectsDrift() async throws {
        try await withNATSServer { server in
            let text = OpsProfile.text(url: server.url, streams: OpsProfile.standard)
            let (_, report) = try await OpsProfile.run(text, apply: true)
            #expect(report?.succeeded == true)

            let reconciler = Reconciler(profile: try OpsProfile.load(text))
            let clean = await reconciler.drift()
            #expect(!clean.drifted)
            #expect(clean.errors.isEmpty)
            #expect(clean.text.contains("No drift"))

            // Someone edits the live server behind the tool's back.
            let admin = try await reconciler.sessions.admin(for: "acme")
            var events = try #require(try await admin.streamInfo("EVENTS")).config
            events.fields["max_age"] = .int(3_600_000_000_000)
            _ = try await admin.updateStream(events)
            try await admin.deleteConsumer(stream: "EVENTS", name: "tail")

            let drifted = await reconciler.drift()
            await reconciler.close()
            #expect(drifted.drifted)
            let byAddress = Dictionary(uniqueKeysWithValues: drifted.resources.map { ($0.address, $0) })
            #expect(byAddress["acme/EVENTS"]?.action == "update")
            #expect(byAddress["acme/EVENTS"]?.changes.map(\.field) == ["max_age"])
            #expect(byAddress["acme/EVENTS/tail"]?.action == "create")
            #expect(byAddress.count == 2)

            let json = try JSONSerialization.jsonObject(with: try drifted.json()) as? [String: Any]
            #expect(json?["drifted"] as? Bool == true)
            #expect(json?["format_version"] as? Int == 1)
            #expect((json?["resources"] as? [Any])?.count == 2)
            #expect(drifted.text.contains("acme/EVENTS: differs (update in place would fix it) (max_age)"))
        }
    }

    @Test("an unreadable tenant is an error, not \"no drift\"")
    func unreadableTenant() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let reconciler = Reconciler(profile: try OpsProfile.load(OpsProfile.text(url: server.url, streams: OpsProfile.standard)))
            let report = await reconciler.drift()
            await reconciler.close()
            #expect(!report.errors.isEmpty)
            #expect(report.errors.first?.hasPrefix("acme") == true)
        }
    }
}
