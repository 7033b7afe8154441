import HodeiPlan
@testable import HodeiProvision
import Testing

/// The applier's grouping and order (docs/plan-format.md), without a server.
@Suite("Applier order")
struct ApplyOrderTests {
    static func step(_ address: String, _ action: PlanAction, blocked: String? = nil, impliedBy: String? = nil) -> PlannedResource {
        let parsed = ResourceAddress(address)!
        return PlannedResource(
            address: parsed, kind: parsed.kind ?? .tenant, action: action, blocked: blocked,
            impliedBy: impliedBy.flatMap(ResourceAddress.init), config: [:])
    }

    static func plan(_ resources: [PlannedResource]) -> HodeiPlan.Plan {
        HodeiPlan.Plan(environment: "t", server: ServerCapabilities(version: HodeiPlan.ServerVersion(2, 15, 1)),
                       options: PlanOptions(), resources: resources)
    }

    @Test("per stream: consumer deletes, then the stream step, then consumer writes; one group per stream")
    func order() {
        let units = Applier.units(of: Self.plan([
            Self.step("a/S", .update),
            Self.step("a/S/c1", .create),
            Self.step("a/S/c2", .delete),
            Self.step("a/S/c3", .replace),
            Self.step("a/T", .create),
            Self.step("a/T/x", .create),
            Self.step("b/S", .delete),
        ]))
        #expect(units.map { $0.map(\.address.description) } == [
            ["a/S/c2", "a/S", "a/S/c1", "a/S/c3"],
            ["a/T", "a/T/x"],
            ["b/S"],
        ])
    }

    @Test("nothing is sent for blocked, implied, unchanged, unmanaged or error resources")
    func skipsNonExecutable() {
        let units = Applier.units(of: Self.plan([
            Self.step("a", .error),
            Self.step("a/S", .replace, blocked: "needs --allow-replace"),
            Self.step("a/S/c", .noChange),
            Self.step("a/U", .unmanaged),
            Self.step("a/V", .delete),
            Self.step("a/V/c", .delete, impliedBy: "a/V"),
            Self.step("a/W", .error),
        ]))
        #expect(units.map { $0.map(\.address.description) } == [["a/V"]])
    }

    @Test("the report summary counts what was done and what failed")
    func reportSummary() {
        let report = ApplyReport(results: [
            ResourceResult(address: ResourceAddress("a/S")!, kind: .stream, action: .create, outcome: .ok),
            ResourceResult(address: ResourceAddress("a/S/c")!, kind: .consumer, action: .update, outcome: .failed("boom")),
            ResourceResult(address: ResourceAddress("a/T/c")!, kind: .consumer, action: .create, outcome: .skipped("stream failed")),
        ])
        #expect(!report.succeeded)
        #expect(report.summary == "Apply incomplete: 1 created, 0 updated, 0 replaced, 0 deleted. 1 failed. 1 skipped.")
        #expect(report.results[1].description == "a/S/c: update failed: boom")
    }
}
