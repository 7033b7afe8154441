import Foundation
import Testing

@testable import HodeiPlan

struct PlanFileTests {
    let created = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func unchangedServerVerifies() throws {
        let (plan, actual) = Scenario.plan()
        let file = PlanFile(plan: plan, actual: actual, profileHash: "sha256:abc", createdAt: created)
        #expect(file.verify(against: actual).isEmpty)
    }

    @Test func trafficIsNotDrift() throws {
        let (plan, actual) = Scenario.plan()
        let file = PlanFile(plan: plan, actual: actual, profileHash: "h", createdAt: created)
        var moved = actual
        guard case .streams(var streams) = moved.tenants["acme"] else { Issue.record("scenario changed"); return }
        streams[0].info.state.messages += 500
        streams[0].consumers[0].numPending += 500
        streams[0].info.config.metadata?["_nats.ver"] = "2.11.5"
        moved.tenants["acme"] = .streams(streams)
        #expect(file.verify(against: moved).isEmpty)
    }

    @Test func configChangeCreationAndDeletionAreDrift() throws {
        let (plan, actual) = Scenario.plan()
        let file = PlanFile(plan: plan, actual: actual, profileHash: "h", createdAt: created)
        guard case .streams(var streams) = actual.tenants["acme"] else { Issue.record("scenario changed"); return }
        streams[0].info.config.maxMsgs = 5  // HODEI_EVENTS changed by hand
        streams.removeAll { $0.name == "HODEI_OLD" }  // deleted by someone else
        streams.append(Build.actualStream(Build.stream("HODEI_NEW")))  // created by someone else
        var moved = actual
        moved.tenants["acme"] = .streams(streams)
        let drift = file.verify(against: moved)
        #expect(drift.map(\.address.description) == ["acme/HODEI_EVENTS", "acme/HODEI_NEW", "acme/HODEI_OLD"])
        #expect(drift.map(\.description) == [
            "acme/HODEI_EVENTS changed since the plan was made: run plan again and review the new plan",
            "acme/HODEI_NEW was created since the plan was made: run plan again and review the new plan",
            "acme/HODEI_OLD was deleted since the plan was made: run plan again and review the new plan",
        ])
    }

    @Test func unreadableTenantIsDrift() throws {
        let (plan, actual) = Scenario.plan()
        let file = PlanFile(plan: plan, actual: actual, profileHash: "h", createdAt: created)
        var moved = actual
        moved.tenants["acme"] = .unreadable("timeout")
        let drift = file.verify(against: moved)
        #expect(!drift.isEmpty)
        #expect(drift.allSatisfy { $0.found == PlanFile.unreadable })
    }

    @Test func roundTripsThroughJSON() throws {
        let (plan, actual) = Scenario.plan()
        let file = PlanFile(plan: plan, actual: actual, profileHash: "sha256:abc", createdAt: created)
        let data = try PlanJSON.encode(file)
        #expect(try PlanJSON.decodePlanFile(data) == file)
        let object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        #expect(object["format_version"] == 1)
        #expect(object["created_at"] == "2026-11-18T11:06:40Z")
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func fingerprintIgnoresKeyOrderAndReservedMetadata() {
        let a: [String: JSONValue] = ["name": "S", "max_msgs": 1, "metadata": ["x": "1", "_nats.ver": "2.15.1"]]
        let b: [String: JSONValue] = ["metadata": ["x": "1"], "max_msgs": 1, "name": "S"]
        #expect(PlanFile.fingerprint(a) == PlanFile.fingerprint(b))
        #expect(PlanFile.fingerprint(a) != PlanFile.fingerprint(["name": "S", "max_msgs": 2]))
    }
}
