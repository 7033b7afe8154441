import HodeiProfile
import Testing

struct PermissionDeriverTests {
    static let text = """
    profile: 1
    environment: dev
    tenants:
      acme:
        users:
          worker: { publish: ["hodei.events.worker.>"], consume: [EVENTS/jobs] }
          watcher: { subscribe: ["hodei.events.>"], consume: [EVENTS/live] }
          ops: { admin: true }
          webhook: { publish: ["hodei.events.pipeline.created"] }
        streams:
          EVENTS:
            subjects: ["hodei.events.>"]
            consumers:
              jobs: { filter: "hodei.events.job.>" }
              live: { deliver_subject: deliver.live, filter: "hodei.events.>" }
    """

    func acme() throws -> Tenant {
        try #require(try InMemoryFiles(files: ["p.profile": Self.text]).load("p.profile").tenant(named: "acme"))
    }

    @Test func pullConsumerGetsExactlyFetchAckAndInfo() throws {
        let tenant = try acme()
        let worker = try #require(tenant.users.first { $0.name == "worker" })
        let permissions = PermissionDeriver.permissions(for: worker, in: tenant)
        #expect(permissions.publishAllow == [
            "$JS.ACK.EVENTS.jobs.>", "$JS.API.CONSUMER.INFO.EVENTS.jobs", "$JS.API.CONSUMER.MSG.NEXT.EVENTS.jobs",
            "$JS.API.INFO", "$JS.API.STREAM.INFO.EVENTS", "hodei.events.worker.>",
        ])
        #expect(permissions.subscribeAllow == ["_INBOX_worker.>"])
        #expect(permissions.inboxPrefix == "_INBOX_worker")
        #expect(permissions.allowResponses == false)
        #expect(permissions.publishDeny.isEmpty && permissions.subscribeDeny.isEmpty)
    }

    @Test func publisherMayReadOnlyTheStreamStoringItsSubjects() throws {
        let tenant = try acme()
        let webhook = try #require(tenant.users.first { $0.name == "webhook" })
        let permissions = PermissionDeriver.permissions(for: webhook, in: tenant)
        #expect(permissions.publishAllow == ["$JS.API.STREAM.INFO.EVENTS", "hodei.events.pipeline.created"])
        #expect(permissions.subscribeAllow == ["_INBOX_webhook.>"])
    }

    @Test func pushConsumerSubscribesToItsDeliverSubjectWithoutFetch() throws {
        let tenant = try acme()
        let watcher = try #require(tenant.users.first { $0.name == "watcher" })
        let permissions = PermissionDeriver.permissions(for: watcher, in: tenant)
        #expect(!permissions.publishAllow.contains { $0.hasPrefix("$JS.API.CONSUMER.MSG.NEXT") })
        #expect(permissions.subscribeAllow == ["_INBOX_watcher.>", "deliver.live", "hodei.events.>"])
    }

    @Test func adminGetsTheJetStreamAPIOnly() throws {
        let tenant = try acme()
        let ops = try #require(tenant.users.first { $0.name == "ops" })
        let permissions = PermissionDeriver.permissions(for: ops, in: tenant)
        #expect(permissions.publishAllow == ["$JS.API.>"])
        #expect(permissions.subscribeAllow == ["_INBOX_ops.>"])
    }

    @Test func inboxesOfOneTenantNeverOverlap() throws {
        let tenant = try acme()
        let inboxes = tenant.users.map { PermissionDeriver.permissions(for: $0, in: tenant).subscribeAllow.filter { $0.hasPrefix("_INBOX") } }
        for (i, a) in inboxes.enumerated() {
            for b in inboxes[(i + 1)...] {
                #expect(!a.contains { x in b.contains { SubjectPattern.overlaps(x, $0) } })
            }
        }
    }

    @Test func derivationIsDeterministic() throws {
        let first = try InMemoryFiles(files: ["p.profile": Self.text]).load("p.profile")
        let second = try InMemoryFiles(files: ["p.profile": Self.text]).load("p.profile")
        #expect(PermissionDeriver.permissions(for: first).map(\.permissions) == PermissionDeriver.permissions(for: second).map(\.permissions))
    }

    @Test(arguments: [
        ("a.>", "a.b", true), ("a.*", "a.b.c", false), ("a.*.c", "a.b.*", true), (">", "x", true),
        ("a.b", "a.c", false), ("a.>", "a", false),
    ])
    func subjectOverlap(_ a: String, _ b: String, _ expected: Bool) {
        #expect(SubjectPattern.overlaps(a, b) == expected)
        #expect(SubjectPattern.overlaps(b, a) == expected)
    }

    @Test(arguments: [
        ("a.>", "a.b.c", true), ("a.*", "a.b", true), ("a.*", "a.>", false), ("a.b", "a.*", false), ("a.>", "a.>", true),
        ("*.b", "a.b", true), ("a.>", "a", false),
    ])
    func subjectCover(_ outer: String, _ inner: String, _ expected: Bool) {
        #expect(SubjectPattern.covers(outer, inner) == expected)
    }
}
