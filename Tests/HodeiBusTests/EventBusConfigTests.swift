import Foundation
import HodeiBus
import Testing

struct EventBusConfigTests {
    /// A temp dir with readable files for the path variables; removed by the caller.
    struct Files {
        let dir: URL
        var creds: String { dir.appendingPathComponent("user.creds").path }
        var seed: String { dir.appendingPathComponent("user.nk").path }
        var ca: String { dir.appendingPathComponent("ca.pem").path }
        var cert: String { dir.appendingPathComponent("client.pem").path }
        var key: String { dir.appendingPathComponent("client-key.pem").path }
        var missing: String { dir.appendingPathComponent("nope.pem").path }

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-config-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            for path in [creds, seed, ca, cert, key] {
                // Placeholder content: only existence is checked here, never a real secret.
                _ = FileManager.default.createFile(atPath: path, contents: Data("test".utf8), attributes: [.posixPermissions: 0o600])
            }
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    @Test func defaultsWhenNothingIsSet() throws {
        let config = try EventBusConfig.fromEnvironment([:])
        #expect(config == EventBusConfig())
        #expect(config.backend == .inMemory)
        #expect(config.capacity == 10_000)
        #expect(config.subjectPrefix == "hodei.events")
        #expect(config.nats.servers == ["nats://127.0.0.1:4222"])
        #expect(config.nats.timeout == .milliseconds(5000))
        #expect(config.nats.auth == .none)
        #expect(config.nats.tls == nil)
        #expect(config.nats.stream == "HODEI_EVENTS")
        #expect(config.nats.inboxPrefix == nil)
    }

    @Test func emptyValuesCountAsUnset() throws {
        #expect(try EventBusConfig.fromEnvironment(["HODEI_EVENT_BUS_CAPACITY": "", "HODEI_NATS_TOKEN": "  "]) == EventBusConfig())
    }

    @Test func everyVariableIsRead() throws {
        let files = try Files()
        defer { files.remove() }
        let config = try EventBusConfig.fromEnvironment([
            "HODEI_EVENT_BUS_TYPE": "NATS",
            "HODEI_EVENT_BUS_CAPACITY": "2500",
            "HODEI_NATS_URL": "nats://127.0.0.1:4222, tls://127.0.0.1:4223",
            "HODEI_NATS_TIMEOUT_MS": "750",
            "HODEI_NATS_CREDS": files.creds,
            "HODEI_NATS_TLS_CA": files.ca,
            "HODEI_NATS_TLS_CERT": files.cert,
            "HODEI_NATS_TLS_KEY": files.key,
            "HODEI_NATS_TLS_SERVER_NAME": "nats.acme.internal",
            "HODEI_NATS_STREAM": "ACME_EVENTS",
            "HODEI_NATS_SUBJECT_PREFIX": "acme.hodei.events",
            "HODEI_NATS_INBOX_PREFIX": "_INBOX.acme-worker",
        ])
        #expect(config.backend == .nats)
        #expect(config.capacity == 2500)
        #expect(config.nats.servers == ["nats://127.0.0.1:4222", "tls://127.0.0.1:4223"])
        #expect(config.nats.timeout == .milliseconds(750))
        #expect(config.nats.auth == .credentials(path: files.creds))
        #expect(config.nats.tls == NatsTLSSettings(caFile: files.ca, certFile: files.cert, keyFile: files.key,
                                                   serverName: "nats.acme.internal"))
        #expect(config.nats.stream == "ACME_EVENTS")
        #expect(config.subjectPrefix == "acme.hodei.events")
        #expect(config.nats.inboxPrefix == "_INBOX.acme-worker")
    }

    @Test(arguments: [
        (["HODEI_NATS_NKEY_SEED_FILE": "SEED"], "nkey"),
        (["HODEI_NATS_USER": "svc", "HODEI_NATS_PASSWORD": "pw"], "user"),
        (["HODEI_NATS_TOKEN": "tok"], "token"),
    ])
    func eachAuthMethod(_ env: [String: String], _ method: String) throws {
        let files = try Files()
        defer { files.remove() }
        let resolved = env.mapValues { $0 == "SEED" ? files.seed : $0 }
        let auth = try EventBusConfig.fromEnvironment(resolved).nats.auth
        switch (method, auth) {
        case ("nkey", .nkeySeedFile(let path)): #expect(path == files.seed)
        case ("user", .userPassword(let user, let password)): #expect(user == "svc" && password.revealed == "pw")
        case ("token", .token(let token)): #expect(token.revealed == "tok")
        default: Issue.record("unexpected auth \(auth) for \(method)")
        }
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let env: [String: String]
        let variable: String
        let shown: String
        let expected: String
        var testDescription: String { "\(variable)=\(shown)" }
    }

    static let missing = "/nonexistent/hodei/file.pem"

    @Test(arguments: [
        BadCase(env: ["HODEI_EVENT_BUS_CAPACITY": "abc"], variable: "HODEI_EVENT_BUS_CAPACITY", shown: "abc", expected: "a whole number of events from 1 to 10000000"),
        BadCase(env: ["HODEI_EVENT_BUS_CAPACITY": "0"], variable: "HODEI_EVENT_BUS_CAPACITY", shown: "0", expected: "from 1 to"),
        BadCase(env: ["HODEI_EVENT_BUS_CAPACITY": "-5"], variable: "HODEI_EVENT_BUS_CAPACITY", shown: "-5", expected: "from 1 to"),
        BadCase(env: ["HODEI_EVENT_BUS_TYPE": "kafka"], variable: "HODEI_EVENT_BUS_TYPE", shown: "kafka", expected: "one of inmemory, nats"),
        BadCase(env: ["HODEI_NATS_TIMEOUT_MS": "-1"], variable: "HODEI_NATS_TIMEOUT_MS", shown: "-1", expected: "a whole number of milliseconds from 1 to 600000"),
        BadCase(env: ["HODEI_NATS_TIMEOUT_MS": "5s"], variable: "HODEI_NATS_TIMEOUT_MS", shown: "5s", expected: "milliseconds"),
        BadCase(env: ["HODEI_NATS_URL": "nats://127.0.0.1:4222,,http://x"], variable: "HODEI_NATS_URL", shown: "nats://127.0.0.1:4222,,http://x", expected: "bad entries: (empty), 'http://x'"),
        BadCase(env: ["HODEI_NATS_URL": "127.0.0.1:4222"], variable: "HODEI_NATS_URL", shown: "127.0.0.1:4222", expected: "URLs like nats://host:4222"),
        BadCase(env: ["HODEI_NATS_URL": "nats://svc:hunter2@x:4222,ftp://svc:hunter2@y"], variable: "HODEI_NATS_URL", shown: "nats://svc:<redacted>@x:4222,ftp://svc:<redacted>@y", expected: "'ftp://svc:<redacted>@y'"),
        BadCase(env: ["HODEI_NATS_CREDS": missing], variable: "HODEI_NATS_CREDS", shown: missing, expected: "a NATS .creds file, but no file exists at that path"),
        BadCase(env: ["HODEI_NATS_NKEY_SEED_FILE": missing], variable: "HODEI_NATS_NKEY_SEED_FILE", shown: missing, expected: "no file exists"),
        BadCase(env: ["HODEI_NATS_TLS_CA": missing], variable: "HODEI_NATS_TLS_CA", shown: missing, expected: "a PEM file of CA certificates, but no file exists"),
        BadCase(env: ["HODEI_NATS_TLS_CA": "/tmp"], variable: "HODEI_NATS_TLS_CA", shown: "/tmp", expected: "but it is a directory"),
        BadCase(env: ["HODEI_NATS_TLS_SERVER_NAME": "nats acme"], variable: "HODEI_NATS_TLS_SERVER_NAME", shown: "nats acme", expected: "a DNS host name"),
        BadCase(env: ["HODEI_NATS_USER": "svc"], variable: "HODEI_NATS_USER", shown: "svc", expected: "HODEI_NATS_PASSWORD to be set too"),
        BadCase(env: ["HODEI_NATS_PASSWORD": "hunter2"], variable: "HODEI_NATS_PASSWORD", shown: "<redacted>", expected: "HODEI_NATS_USER to be set too"),
        BadCase(env: ["HODEI_NATS_TOKEN": "s3cr3t-token", "HODEI_NATS_USER": "svc", "HODEI_NATS_PASSWORD": "hunter2"], variable: "HODEI_NATS_TOKEN", shown: "<redacted>", expected: "one authentication method only, but HODEI_NATS_USER and HODEI_NATS_TOKEN are all set"),
        BadCase(env: ["HODEI_NATS_STREAM": "hodei.events"], variable: "HODEI_NATS_STREAM", shown: "hodei.events", expected: "a JetStream stream name"),
        BadCase(env: ["HODEI_NATS_SUBJECT_PREFIX": "hodei.*"], variable: "HODEI_NATS_SUBJECT_PREFIX", shown: "hodei.*", expected: "a subject prefix without wildcards"),
        BadCase(env: ["HODEI_NATS_INBOX_PREFIX": "_INBOX..x"], variable: "HODEI_NATS_INBOX_PREFIX", shown: "_INBOX..x", expected: "a subject without wildcards"),
    ])
    func eachBadValueGivesOneErrorNamingVariableValueAndExpectation(_ bad: BadCase) {
        do {
            _ = try EventBusConfig.fromEnvironment(bad.env)
            Issue.record("no error for \(bad.env)")
        } catch {
            #expect(error.issues.count == 1, "\(error)")
            let issue = error.issues.first
            #expect(issue?.variable == bad.variable)
            #expect(issue?.shownValue == bad.shown)
            #expect(issue?.expected.contains(bad.expected) == true, "\(issue?.expected ?? "")")
            #expect(error.description.contains("\(bad.variable)=\"\(bad.shown)\""))
            for secret in ["hunter2", "s3cr3t-token"] {
                #expect(!error.description.contains(secret), "secret leaked: \(error)")
            }
        }
    }

    @Test func conflictingFileAuthAndHalfAClientCertificate() throws {
        let files = try Files()
        defer { files.remove() }
        do {
            _ = try EventBusConfig.fromEnvironment([
                "HODEI_NATS_CREDS": files.creds, "HODEI_NATS_NKEY_SEED_FILE": files.seed,
            ])
            Issue.record("no error")
        } catch {
            #expect(error.issues.map(\.variable) == ["HODEI_NATS_NKEY_SEED_FILE"])
            #expect(error.description.contains("HODEI_NATS_CREDS and HODEI_NATS_NKEY_SEED_FILE"))
        }
        do {
            _ = try EventBusConfig.fromEnvironment(["HODEI_NATS_TLS_CERT": files.cert])
            Issue.record("no error")
        } catch {
            #expect(error.issues.map(\.variable) == ["HODEI_NATS_TLS_CERT"])
            #expect(error.issues.first?.expected.contains("HODEI_NATS_TLS_KEY to be set too") == true)
        }
    }

    @Test func severalProblemsAreReportedTogether() {
        do {
            _ = try EventBusConfig.fromEnvironment(["HODEI_EVENT_BUS_TYPE": "x", "HODEI_EVENT_BUS_CAPACITY": "y"])
            Issue.record("no error")
        } catch {
            #expect(error.issues.map(\.variable) == ["HODEI_EVENT_BUS_TYPE", "HODEI_EVENT_BUS_CAPACITY"])
            #expect(error.description.contains("2 problems"))
        }
    }

    @Test func secretsAreMaskedWhenPrinted() {
        let auth = NatsAuth.userPassword(user: "svc", password: Secret("hunter2"))
        #expect(!"\(auth)".contains("hunter2"))
        #expect(!String(reflecting: NatsAuth.token(Secret("tok-123"))).contains("tok-123"))
    }
}
