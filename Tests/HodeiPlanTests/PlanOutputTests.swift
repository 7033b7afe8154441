import Foundation
import Testing

@testable import HodeiPlan

/// One plan that shows every kind of step, rendered as JSON and as text and compared with goldens.
enum Scenario {
    static func plan(options: PlanOptions = PlanOptions(allowReplace: true)) -> (Plan, ActualState) {
        let events = Build.stream("HODEI_EVENTS", ["max_age": 3_600_000_000_000])
        var eventsWanted = events
        eventsWanted.storage = .memory
        let logs = Build.stream("HODEI_LOGS", ["max_age": 3_600_000_000_000, "subjects": ["hodei.logs.a.>", "hodei.logs.b.>"]])
        var logsWanted = logs
        logsWanted.maxAge = 7_200_000_000_000
        logsWanted.subjects = ["hodei.logs.c.>", "hodei.logs.b.>", "hodei.logs.a.>"]
        let audit = Build.stream("HODEI_AUDIT", ["retention": "limits"])
        var auditWanted = audit
        auditWanted.retention = .workqueue
        let processors = Build.consumer("job-processors", ["max_deliver": 5])
        var processorsWanted = processors
        processorsWanted.maxDeliver = 10
        processorsWanted.ackWait = 60_000_000_000

        let desired = DesiredState(environment: "prod", tenants: [
            DesiredTenant(name: "acme", streams: [
                DesiredStream(config: eventsWanted, consumers: [DesiredConsumer(config: processors)]),
                DesiredStream(config: logsWanted, consumers: [DesiredConsumer(config: processorsWanted)]),
                DesiredStream(config: auditWanted, preventDelete: true),
                DesiredStream(config: Build.stream("HODEI_NEW"), consumers: [DesiredConsumer(config: Build.consumer("notifier"))]),
                DesiredStream(config: Build.stream("LEGACY")),
                DesiredStream(config: Build.stream("HODEI_ARCHIVE", ["compression": "s2", "allow_msg_counter": true])),
            ]),
            DesiredTenant(name: "globex", streams: [DesiredStream(config: Build.stream("HODEI_EVENTS"))]),
        ])
        let actual = ActualState(tenants: [
            "acme": .streams([
                Build.actualStream(events, messages: 12_345, environment: "prod", consumers: [
                    Build.actualConsumer("HODEI_EVENTS", processors, pending: 17, ackPending: 3, environment: "prod")
                ]),
                Build.actualStream(logs, messages: 99, environment: "prod", consumers: [
                    Build.actualConsumer("HODEI_LOGS", processors, environment: "prod"),
                    Build.actualConsumer("HODEI_LOGS", Build.consumer("retired"), pending: 2, environment: "prod"),
                ]),
                Build.actualStream(audit, messages: 7, environment: "prod", preventDelete: true),
                Build.actualStream(Build.stream("HODEI_OLD"), messages: 1_000_000, environment: "prod"),
                Build.actualStream(Build.stream("LEGACY"), messages: 5, environment: nil),
            ]),
            "globex": .unreadable("nats: authorization violation"),
        ])
        let plan = Planner.plan(
            desired: desired, actual: actual, capabilities: ServerCapabilities(version: ServerVersion(2, 11, 4), apiLevel: 1),
            options: options)
        return (plan, actual)
    }
}

struct PlanOutputTests {
    @Test func jsonMatchesGolden() throws {
        let (plan, _) = Scenario.plan()
        let text = String(decoding: try PlanJSON.encode(plan), as: UTF8.self)
        try Fixtures.assertGolden(text, "plan.json")
    }

    @Test func humanOutputMatchesGolden() throws {
        let (plan, _) = Scenario.plan()
        try Fixtures.assertGolden(PlanRenderer(color: false).render(plan), "plan.txt")
    }

    @Test func humanOutputWithoutFlagsMatchesGolden() throws {
        let (plan, _) = Scenario.plan(options: PlanOptions())
        try Fixtures.assertGolden(PlanRenderer(color: false).render(plan), "plan-no-flags.txt")
    }

    @Test func colourOnlyWhenAsked() {
        let (plan, _) = Scenario.plan()
        #expect(!PlanRenderer(color: false).render(plan).contains("\u{1B}["))
        let coloured = PlanRenderer(color: true).render(plan)
        #expect(coloured.contains("\u{1B}[1;32m  +\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m-/+\u{1B}[0m"))
    }

    @Test func summaryCountsExecutableSteps() {
        let (plan, _) = Scenario.plan()
        let summary = plan.summary
        #expect(summary.text.hasPrefix("\(summary.create) to create, \(summary.update) to update, \(summary.replace) to replace, \(summary.delete) to delete."))
        #expect(summary.create == 3 && summary.update == 2 && summary.replace == 1 && summary.delete == 0)
    }

    @Test func destructiveStepsInWords() throws {
        let (plan, _) = Scenario.plan()
        let step = try #require(plan.resource("acme/HODEI_EVENTS"))
        #expect(
            PlanRenderer.describeDestructive(step)
                == "replace acme/HODEI_EVENTS: storage file → memory cannot change in place; 12,345 messages would be lost and 1 consumer removed")
    }

    @Test func jsonRoundTrips() throws {
        let (plan, _) = Scenario.plan()
        let decoded = try JSONDecoder().decode(Plan.self, from: PlanJSON.encode(plan))
        #expect(decoded == plan)
    }

    @Test func rejectsUnknownFormatVersion() throws {
        let (plan, _) = Scenario.plan()
        var object = try JSONDecoder().decode([String: JSONValue].self, from: PlanJSON.encode(plan))
        object["format_version"] = 2
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Plan.self, from: JSONEncoder().encode(object)) }
    }

    @Test(arguments: [
        (Int64(0), "0s"), (500_000_000, "500ms"), (1_500_000_000, "1.5s"), (30_000_000_000, "30s"), (120_000_000_000, "2m"),
        (5_400_000_000_000, "1h30m"), (86_400_000_000_000, "24h"), (1_234, "1234ns"),
    ])
    func formatsDurations(nanoseconds: Int64, text: String) {
        #expect(ValueFormatter.duration(nanoseconds) == text)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (12_345, "12,345"), (1_000_000, "1,000,000")])
    func groupsThousands(number: Int, text: String) {
        #expect(ValueFormatter.grouped(number) == text)
    }
}
