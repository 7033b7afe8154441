import Foundation
import HodeiTestSupport
import NATSClient
import NATSServerControl
import Testing

@Suite("Connecting with each kind of credentials", .timeLimit(.minutes(2)))
struct ConnectionAuthTests {
    enum Method: String, CaseIterable, CustomTestStringConvertible {
        case userPassword, token, nkey, creds, mutualTLS
        var testDescription: String { rawValue }
    }

    /// Server config and client options for `method`, with material generated in `directory`.
    static func setup(_ method: Method, in directory: TemporaryDirectory) async throws
        -> (config: String, auth: NATSAuth, tls: NATSTLSOptions?, jetStream: Bool)
    {
        switch method {
        case .userPassword:
            return ("authorization { users: [ {user: alice, password: \"s3cret-pass\"} ] }",
                    .userPassword(user: "alice", password: "s3cret-pass"), nil, true)
        case .token:
            return ("authorization { token: \"t0ken-value\" }", .token("t0ken-value"), nil, true)
        case .nkey:
            let user = try await SecurityMaterial.nkeyUser(in: directory)
            return ("authorization { users: [ {nkey: \(user.publicKey)} ] }", .nkeySeedFile(path: user.seedFile), nil, true)
        case .creds:
            let material = try await SecurityMaterial.operatorWithUser(in: directory)
            return (material.serverConfig, .credsFile(path: material.credsFile), nil, true)
        case .mutualTLS:
            let files = try await SecurityMaterial.tls(in: directory)
            let config = """
                tls {
                  cert_file: "\(files.serverCert)"
                  key_file: "\(files.serverKey)"
                  ca_file: "\(files.caFile)"
                  verify: true
                }
                """
            return (config, .none, NATSTLSOptions(caFile: files.caFile, certFile: files.clientCert,
                                                  keyFile: files.clientKey, expectedHostname: "localhost"), true)
        }
    }

    @Test("connects and round-trips a request", arguments: Method.allCases)
    func connectsWith(_ method: Method) async throws {
        let directory = try TemporaryDirectory("auth-\(method.rawValue)")
        defer { directory.remove() }
        let setup = try await Self.setup(method, in: directory)
        try await withNATSServer(NATSServerConfiguration(extraConfig: setup.config)) { server in
            let connection: NATSConnection
            do {
                connection = try await NATSConnection.connect(testOptions([server.url], auth: setup.auth, tls: setup.tls))
            } catch {
                Issue.record("\(error)\nserver log:\n\(server.logTail())")
                return
            }
            let subscription = try connection.subscribe(subject: "auth.echo")
            let responder = Task {
                for await message in subscription {
                    if let reply = message.reply { try connection.publish(subject: reply, data: message.data) }
                }
            }
            let reply = try await connection.request(subject: "auth.echo", data: Array("hi".utf8), timeout: .seconds(5))
            #expect(reply.string == "hi")
            #expect(connection.connectedURL?.contains("127.0.0.1:\(server.port)") == true)
            responder.cancel()
            await connection.close()
        }
    }

    @Test("a wrong password is a typed authorization error")
    func wrongPassword() async throws {
        let config = NATSServerConfiguration(extraConfig: "authorization { users: [ {user: alice, password: right} ] }")
        try await withNATSServer(config) { server in
            let error = await #expect(throws: NATSError.self) {
                _ = try await NATSConnection.connect(testOptions([server.url], auth: .userPassword(user: "alice", password: "wrong")))
            }
            #expect(error?.kind == .authorizationViolation)
            #expect(error?.description.contains("wrong") == false, "the password must not leak into the error")
        }
    }

    @Test("a TLS server rejects a client that trusts another CA")
    func untrustedServerCertificate() async throws {
        let serverFiles = try TemporaryDirectory("tls-server")
        let otherFiles = try TemporaryDirectory("tls-other")
        defer { serverFiles.remove(); otherFiles.remove() }
        let files = try await SecurityMaterial.tls(in: serverFiles)
        let other = try await SecurityMaterial.tls(in: otherFiles)
        let config = "tls { cert_file: \"\(files.serverCert)\", key_file: \"\(files.serverKey)\" }"
        try await withNATSServer(NATSServerConfiguration(extraConfig: config)) { server in
            let error = await #expect(throws: NATSError.self) {
                _ = try await NATSConnection.connect(testOptions([server.url], tls: NATSTLSOptions(caFile: other.caFile)))
            }
            #expect(error != nil && error?.kind != .authorizationViolation)
        }
    }

    @Test("no server is connection refused within the connect timeout")
    func noServer() async throws {
        let port = try await freeUnusedPort()
        let start = ContinuousClock.now
        let error = await #expect(throws: NATSError.self) {
            _ = try await NATSConnection.connect(testOptions(["nats://127.0.0.1:\(port)"]))
        }
        #expect(error?.kind == .connectionRefused)
        #expect(error?.status == .noServer)
        // Refused at once on an idle machine (~ms); the bound leaves room for a loaded 2-core CI.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a missing credentials file is named before any connect", arguments: [
        NATSAuth.credsFile(path: "/nonexistent/hodei/user.creds"),
        NATSAuth.nkeySeedFile(path: "/nonexistent/hodei/user.nk"),
    ])
    func missingFile(_ auth: NATSAuth) async throws {
        // Port 1 on loopback: a connect attempt would fail differently, so reaching it is visible.
        let error = await #expect(throws: NATSError.self) {
            _ = try await NATSConnection.connect(testOptions(["nats://127.0.0.1:1"], auth: auth))
        }
        #expect(error?.kind == .fileUnreadable)
        #expect(error?.path?.hasPrefix("/nonexistent/hodei/") == true)
    }

    @Test("a missing TLS CA file is named")
    func missingTLSFile() async throws {
        let error = await #expect(throws: NATSError.self) {
            _ = try await NATSConnection.connect(testOptions(["nats://127.0.0.1:1"], tls: NATSTLSOptions(caFile: "/nonexistent/ca.pem")))
        }
        #expect(error?.kind == .fileUnreadable)
        #expect(error?.path == "/nonexistent/ca.pem")
    }
}

/// A loopback port with nothing listening.
func freeUnusedPort() async throws -> Int { try FreePort.next() }
