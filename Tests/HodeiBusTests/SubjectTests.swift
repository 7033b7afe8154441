import HodeiBus
import Testing

struct SubjectTests {
    @Test(arguments: [
        (EventKind.jobCreated, "hodei.events.job.created"),
        (.jobScheduled, "hodei.events.job.scheduled"),
        (.jobStarted, "hodei.events.job.started"),
        (.jobCompleted, "hodei.events.job.completed"),
        (.jobFailed, "hodei.events.job.failed"),
        (.workerConnected, "hodei.events.worker.connected"),
        (.workerDisconnected, "hodei.events.worker.disconnected"),
        (.workerHeartbeat, "hodei.events.worker.heartbeat"),
        (.logChunkReceived, "hodei.events.log.chunk"),
        (.pipelineCreated, "hodei.events.pipeline.created"),
        (.pipelineStarted, "hodei.events.pipeline.started"),
        (.pipelineCompleted, "hodei.events.pipeline.completed"),
    ])
    func subjectOfEachKind(_ kind: EventKind, _ subject: String) throws {
        let subjects = try EventSubjects()
        #expect(subjects.subject(for: kind) == subject)
        #expect(subjects.kind(ofSubject: subject) == kind)
        #expect(kind.index == EventKind.allCases.firstIndex(of: kind))
    }

    @Test func customPrefix() throws {
        let subjects = try EventSubjects(prefix: "acme.hodei.events")
        #expect(subjects.subject(for: .logChunkReceived) == "acme.hodei.events.log.chunk")
        #expect(subjects.kind(ofSubject: "hodei.events.log.chunk") == nil)
        #expect(subjects.kind(ofSubject: "acme.hodei.eventsX.log.chunk") == nil)
        #expect(subjects.kind(ofSubject: "acme.hodei.events.log.other") == nil)
        #expect(subjects.everything.pattern == "acme.hodei.events.>")
    }

    @Test(arguments: ["", "hodei..events", ".hodei", "hodei.", "hodei.*", "hodei.>", "ho dei", "hodei.ev*nts", "a\tb"])
    func invalidPrefixesAreRefused(_ prefix: String) {
        #expect { try EventSubjects(prefix: prefix) } throws: { ($0 as? EventBusError)?.code == .invalidSubject }
    }

    @Test(arguments: [
        // filter, subject, matches
        ("hodei.events.job.created", "hodei.events.job.created", true),
        ("hodei.events.job.created", "hodei.events.job.started", false),
        ("hodei.events.job.*", "hodei.events.job.started", true),
        ("hodei.events.job.*", "hodei.events.job", false),
        ("hodei.events.job.*", "hodei.events.job.started.extra", false),
        ("hodei.events.*.created", "hodei.events.pipeline.created", true),
        ("hodei.events.*.created", "hodei.events.pipeline.started", false),
        ("hodei.events.>", "hodei.events.job.created", true),
        ("hodei.events.>", "hodei.events.log", true),
        ("hodei.events.>", "hodei.events", false),
        ("hodei.>", "hodei.events.worker.heartbeat", true),
        (">", "anything.at.all", true),
        (">", "x", true),
        ("*", "x", true),
        ("*", "x.y", false),
        ("*.*.*.*", "hodei.events.job.created", true),
        ("*.*.*", "hodei.events.job.created", false),
        ("*.events.>", "hodei.events.job.created", true),
        ("hodei.events.job.created", "hodei.events.job.created.", false),
        ("hodei.events.job.created", "Hodei.events.job.created", false),
        ("hodei.events.job.created.>", "hodei.events.job.created", false),
    ] as [(String, String, Bool)])
    func wildcardMatching(_ filter: String, _ subject: String, _ expected: Bool) throws {
        let parsed = try SubjectFilter(filter)
        #expect(parsed.matches(subject) == expected)
    }

    @Test(arguments: [
        ("", "is empty"),
        ("hodei..events", "token 2 is empty"),
        ("hodei.events.", "token 3 is empty"),
        (".hodei", "token 1 is empty"),
        ("hodei.>.job", "'>' must be the last token"),
        ("hodei.ev*", "must be whole tokens"),
        ("hodei.>x", "must be whole tokens"),
        ("hodei events", "whitespace"),
    ])
    func invalidFilters(_ filter: String, _ reason: String) {
        #expect { try SubjectFilter(filter) } throws: { error in
            guard let error = error as? EventBusError else { return false }
            return error.code == .invalidFilter && error.description.contains(reason)
                && error.description.contains("'\(filter)'")
        }
    }

    @Test func literalFilters() throws {
        #expect(SubjectFilter("hodei.events.job.created").isLiteral)
        #expect(!SubjectFilter("hodei.events.job.*").isLiteral)
        #expect(!SubjectFilter.all.isLiteral)
        #expect(SubjectFilter.all.matches("hodei.events.job.created"))
    }
}
