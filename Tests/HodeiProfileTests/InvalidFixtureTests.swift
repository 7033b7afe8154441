import Foundation
import HodeiProfile
import Testing

/// One invalid fixture per rule: each must fail with that rule's message at that file:line:col.
struct InvalidFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let rule: String
        let severity: ProfileIssue.Severity
        let message: String
        let line: Int
        let column: Int
        let file: String?

        init(_ fixture: String, _ rule: String, _ severity: ProfileIssue.Severity, _ message: String, _ line: Int, _ column: Int, file: String? = nil) {
            self.fixture = fixture
            self.rule = rule
            self.severity = severity
            self.message = message
            self.line = line
            self.column = column
            self.file = file
        }

        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case("ack-wait-backoff", "ack-wait-backoff", .error, "ack_wait 30s conflicts with backoff: the server waits backoff[0] = 1s before the first redelivery", 12, 23),
        Case("ack-wait-too-short", "out-of-range", .error, "500ms is out of range 1s...3650d", 11, 27),
        Case("backoff-decreasing", "backoff-decreasing", .warning, "backoff steps decrease; redeliveries usually back off more, not less", 12, 13),
        Case("backoff-max-deliver", "backoff-max-deliver", .error, "max_deliver 3 must be greater than the 3 backoff steps", 13, 26),
        Case("backoff-without-acks", "backoff-without-acks", .error, "backoff needs acks but ack is none", 13, 13),
        Case("bad-variable", "bad-variable", .error, "malformed variable reference ${HODEI TEST}", 4, 9),
        Case("consume-format", "consume-format", .error, "'EVENTS' is not a STREAM/consumer reference", 7, 19),
        Case("consume-missing-consumer", "consume-missing-consumer", .error, "consume 'EVENTS/c2' names consumer c2, which stream EVENTS does not declare; did you mean c1?", 7, 19),
        Case("consume-missing-stream", "consume-missing-stream", .error, "consume 'EVENT/c1' names stream EVENT, which tenant t1 does not declare; did you mean EVENTS?", 7, 19),
        Case("duplicate-key", "duplicate-key", .error, "duplicated key(s) type in one mapping", 4, 3),
        Case("duplicate-node", "duplicate-node", .error, "node 'n1' is listed twice", 5, 15),
        Case("duplicate-window", "duplicate-window", .error, "duplicate_window 2m is longer than max_age 1m", 11, 27),
        Case("extends-cycle", "extends-cycle", .error, "extends forms a cycle: extends-cycle.profile → parts/cycle-b.profile → parts/cycle-c.profile → extends-cycle.profile", 2, 10, file: "parts/cycle-c.profile"), 
        Case("extends-missing", "extends-missing", .error, "extended profile parts/does-not-exist.profile cannot be read", 3, 10),
        Case("feature-consumer", "feature-needs-newer-server", .error, "priority_groups of consumer EVENTS/c1 needs nats-server 2.11 but servers.requires is 2.10", 14, 13),
        Case("feature-needs-newer-server", "feature-needs-newer-server", .error, "compression of stream EVENTS needs nats-server 2.10 but servers.requires is 2.9", 12, 22),
        Case("filter-and-filters", "filter-and-filters", .error, "use either filter or filters, not both", 13, 13),
        Case("filter-outside-stream", "filter-outside-stream", .error, "filter 'other.>' is not within the subjects of stream EVENTS (app.>)", 11, 25),
        Case("inline-secret", "inline-secret", .error, "secrets must be referenced, not written into a profile", 8, 19),
        Case("inmemory-bus", "inmemory-bus", .warning, "the in-memory bus keeps events in one process; environment 'staging' is not dev", 6, 9),
        Case("invalid-bool", "invalid-bool", .error, "'maybe' is not a boolean", 10, 22),
        Case("invalid-choice", "invalid-choice", .error, "'disk' is not one of file, memory", 10, 18),
        Case("invalid-duration", "invalid-duration", .error, "'7x' is not a duration", 10, 18),
        Case("invalid-integer", "invalid-integer", .error, "'lots' is not an integer", 10, 19),
        Case("invalid-name-consumer", "invalid-name", .error, "consumer name 'jobs*' is invalid: contains '*'; names may not contain whitespace, '.', '*', '>', '/' or '\\'", 11, 11),
        Case("invalid-name-length", "invalid-name", .error, "stream name 'EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE' is invalid: longer than 64 characters", 8, 7),
        Case("invalid-name-stream", "invalid-name", .error, "stream name 'MY EVENTS' is invalid: contains whitespace; names may not contain whitespace, '.', '*', '>', '/' or '\\'", 8, 7),
        Case("invalid-name-tenant", "invalid-name", .error, "tenant name 'acme.corp' is invalid: contains '.'; names may not contain whitespace, '.', '*', '>', '/' or '\\'", 4, 3),
        Case("invalid-name-user", "invalid-name", .error, "user name 'team/app' is invalid: contains '/'; names may not contain whitespace, '.', '*', '>', '/' or '\\'", 6, 7),
        Case("invalid-size", "invalid-size", .error, "'10GB5' is not a size", 10, 20),
        Case("invalid-subject-gt", "invalid-subject", .error, "subject 'app.>.x': '>' must be the whole last token", 9, 20),
        Case("invalid-subject-user", "invalid-subject", .error, "publish subject 'app.a b': subjects cannot contain whitespace", 6, 24),
        Case("invalid-subject", "invalid-subject", .error, "subject 'app..events': empty token (leading, trailing or double '.')", 9, 20),
        Case("invalid-time", "invalid-time", .error, "'yesterday' is not an RFC 3339 time", 13, 29),
        Case("invalid-url", "invalid-url", .error, "'http//nowhere' is not a server URL", 4, 10),
        Case("invalid-version", "invalid-version", .error, "'two-ten' is not a server version", 4, 13),
        Case("limit-ack-pending", "limit-ack-pending", .error, "consumer EVENTS/c1 allows 500 pending acks but the tenant's max_ack_pending is 100", 12, 51),
        Case("limit-consumers", "limit-consumers", .error, "tenant t1 declares 2 consumers but max_consumers is 1", 5, 30),
        Case("limit-memory", "limit-storage", .error, "memory streams of tenant t1 reserve 128MiB (max_bytes × replicas) but max_mem is 64MiB", 5, 24),
        Case("limit-storage", "limit-storage", .error, "file streams of tenant t1 reserve 2GiB (max_bytes × replicas) but max_file is 1GiB", 5, 25),
        Case("limit-streams", "limit-streams", .error, "tenant t1 declares 2 streams but max_streams is 1", 5, 28),
        Case("max-bytes-required", "max-bytes-required", .error, "tenant t1 requires max_bytes but stream EVENTS has none", 9, 7),
        Case("mirror-with-subjects", "mirror-with-subjects", .error, "a mirror stream cannot have subjects", 12, 9),
        Case("missing-environment", "missing-key", .error, "required key 'environment' is missing", 1, 1),
        Case("missing-profile", "missing-key", .error, "required key 'profile' is missing", 1, 1),
        Case("no-servers", "no-servers", .error, "no server URL is given", 4, 3),
        Case("no-subjects", "no-subjects", .error, "stream EVENTS has no subjects, mirror or sources", 8, 7),
        Case("out-of-range", "out-of-range", .error, "7 is out of range 1...5", 10, 19),
        Case("overlapping-in-stream", "overlapping-subjects", .error, "subject 'app.jobs' overlaps 'app.>' of the same stream", 9, 29),
        Case("overlapping-subjects", "overlapping-subjects", .error, "subject 'app.jobs.*' of stream JOBS overlaps 'app.>' of stream EVENTS", 11, 20),
        Case("plaintext-outside-dev", "plaintext-outside-dev", .error, "environment 'prod' has no TLS; plaintext is only allowed in dev", 2, 14),
        Case("priority-groups-missing", "priority-groups-missing", .error, "priority_policy needs priority_groups", 12, 30),
        Case("publish-reaches-no-stream", "publish-reaches-no-stream", .warning, "publish subject 'billing.>' matches no stream of tenant t1; JetStream publishes there get no ack", 6, 24),
        Case("pull-field-on-push", "pull-field-on-push", .error, "max_waiting is for pull consumers but c1 is push (has deliver_subject)", 13, 26),
        Case("push-field-on-pull", "push-field-on-pull", .error, "deliver_group needs a push consumer but c1 is pull (no deliver_subject)", 12, 28),
        Case("replicas-exceed-nodes", "replicas-exceed-nodes", .error, "replicas 5 exceeds the 3 nodes of cluster c", 13, 19),
        Case("replicas-without-cluster", "replicas-without-cluster", .error, "replicas 3 needs a cluster but the profile declares a single server", 10, 19),
        Case("reserved-subject", "reserved-subject", .error, "subscribe subject '>' reaches server and reply subjects ($JS, $SYS, _INBOX)", 6, 26),
        Case("secret-file", "secret-file", .error, "secret file parts/no-such-secret cannot be read", 8, 19),
        Case("start-missing-seq", "start-missing", .error, "deliver_policy by_start_sequence needs opt_start_seq", 12, 29),
        Case("start-missing-time", "start-missing", .error, "deliver_policy by_start_time needs opt_start_time", 12, 29),
        Case("start-unused", "start-unused", .error, "opt_start_seq is only used with deliver_policy by_start_sequence", 12, 28),
        Case("tls-file-missing", "tls-file-missing", .error, "tls.ca file parts/missing-ca.pem does not exist (yet)", 4, 7),
        Case("tls-unparsable", "tls-unparsable", .error, "parts/not-a-cert.pem is not a PEM certificate", 4, 7),
        Case("tls-url-without-tls", "tls-url-without-tls", .error, "'tls://127.0.0.1:4222' asks for TLS but the profile has no tls section", 4, 10),
        Case("tls-verify-without-ca", "tls-verify-without-ca", .error, "verify_clients needs a ca to verify client certificates against", 6, 19),
        Case("unknown-key-stream", "unknown-key", .error, "unknown key 'max_agee'; did you mean 'max_age'?", 10, 9),
        Case("unknown-key", "unknown-key", .error, "unknown key 'conect_timeout'; did you mean 'connect_timeout'?", 5, 3),
        Case("unknown-top-level", "unknown-key", .error, "unknown key 'tennants'; did you mean 'tenants'?", 3, 1),
        Case("unlimited-not-accepted", "invalid-integer", .error, "'unlimited' is not accepted here", 4, 13),
        Case("unset-variable", "unset-variable", .error, "environment variable HODEI_TEST_UNSET_BUS is not set and has no default", 4, 9),
        Case("unsupported-version", "unsupported-version", .error, "profile format 2 is not supported", 1, 10),
        Case("user-without-roles", "user-without-roles", .warning, "user idle has no roles and can only connect", 6, 7),
        Case("workqueue-ack", "workqueue-ack", .error, "work-queue stream EVENTS needs explicit acks but consumer c1 uses ack: none", 12, 44),
        Case("workqueue-overlap", "workqueue-overlap", .error, "work-queue stream EVENTS: consumers c1 and c2 have overlapping filters ('app.jobs.>' and 'app.*.created')", 13, 11),
        Case("wrong-type-list", "wrong-type", .error, "expected a list, found a scalar", 4, 9),
        Case("wrong-type-mapping", "wrong-type", .error, "expected a mapping, found a list", 3, 10),
        Case("yaml-syntax", "yaml-syntax", .error, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 4)", 5, 18),
    ]

    @Test("each invalid fixture reports its rule at its location", arguments: cases)
    func fixtureFails(_ expected: Case) throws {
        let path = Fixtures.path("invalid/\(expected.fixture).profile")
        let issues = Fixtures.issues(loading: path)
        let matching = issues.filter { $0.rule == expected.rule }
        let issue = try #require(matching.first, "no \(expected.rule) among: \(issues.map(\.description))")
        #expect(issue.severity == expected.severity)
        #expect(issue.message.hasPrefix(expected.message), "message was: \(issue.message)")
        let location = try #require(issue.location)
        #expect(location.file.hasSuffix("invalid/" + (expected.file ?? "\(expected.fixture).profile")))
        #expect(location.line == expected.line)
        #expect(location.column == expected.column)
        #expect(issues.contains { $0.severity == .error } || expected.severity == .warning)
    }

    @Test func everyFixtureIsInTheTable() throws {
        let directory = Fixtures.path("invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".profile") }.map { String($0.dropLast(".profile".count)) }
        #expect(Set(files) == Set(Self.cases.map(\.fixture)))
        #expect(files.count >= 40)
    }
}
