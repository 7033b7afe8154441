import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl
import Testing

@Suite("export → apply round trip on a real server")
struct ExportRoundTripTests {
    /// Writes `text` to a temp file and loads it from there (as the CLI would), then plans it.
    static func planExported(_ text: String) async throws -> Plan {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("exported.profile").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (profile, _) = try ProfileLoader(environment: [:]).loadValidated(path: file)
        let reconciler = Reconciler(profile: profile)
        let plan = await reconciler.plan().plan
        await reconciler.close()
        return plan
    }

    @Test("export through the profile, then plan the export: no changes")
    func profileRoundTrip() async throws {
        try await withNATSServer { server in
            let text = OpsProfile.text(url: server.url, streams: OpsProfile.standard)
            let (_, report) = try await OpsProfile.run(text, apply: true)
            #expect(report?.succeeded == true)
            // The bookkeeping bucket exists too and must not leak into the export.
            let reconciler = Reconciler(profile: try OpsProfile.load(text))
            let bookkeeping = try await ApplyBookkeeping.open(reconciler)
            try await bookkeeping.bucket.ensure()
            let (input, errors) = await LiveExport.read(reconciler)
            await reconciler.close()
            #expect(errors.isEmpty)
            let exported = ProfileExporter.render(input, exportedAt: Date(), source: "test")
            #expect(exported.notes.isEmpty, "\(exported.notes)")
            #expect(!exported.text.contains("KV_"))

            let plan = try await Self.planExported(exported.text)
            #expect(!plan.hasChanges, "\(PlanRenderer(color: false).render(plan))\n\(exported.text)")
            #expect(plan.resources.count == 5)
        }
    }

    @Test("export from a URL of resources made by hand: apply --adopt once, then no changes")
    func urlRoundTrip() async throws {
        try await withNATSServer { server in
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            let admin = JetStreamAdmin(connection: connection, tenant: "dev")
            _ = try await admin.createStream(StreamConfig(fields: [
                "name": "ORDERS", "subjects": ["orders.*", "refunds.>"], "max_msgs": 5000, "max_age": 86_400_000_000_000,
                "discard": "new", "storage": "memory", "max_msg_size": 65536,
            ]))
            var consumer = ConsumerConfig(durableName: "shipper")
            consumer.fields["ack_policy"] = "explicit"
            consumer.fields["filter_subject"] = "orders.new"
            consumer.fields["max_ack_pending"] = -1
            consumer.fields["deliver_policy"] = "last_per_subject"
            _ = try await admin.createConsumer(stream: "ORDERS", consumer)
            await connection.close()

            let (input, errors) = await LiveExport.read(urls: [server.url], tenant: "dev", environment: "dev",
                                                        connector: StaticTenantConnector(urls: [server.url]))
            #expect(errors.isEmpty)
            let text = ProfileExporter.render(input).text
            #expect(text.contains("storage: memory"))
            #expect(text.contains("max_ack_pending: unlimited"))

            let first = try await Self.planExported(text)
            #expect(first.resources.contains { $0.action == .unmanaged })
            let profile = try OpsProfile.load(text)
            let adopt = Reconciler(profile: profile)
            let adopted = await adopt.plan(options: PlanOptions(adopt: true))
            let report = await adopt.apply(adopted.plan)
            await adopt.close()
            #expect(report.succeeded)
            let plan = try await Self.planExported(text)
            #expect(!plan.hasChanges, "\(PlanRenderer(color: false).render(plan))\n\(text)")
        }
    }
}
