import Foundation
import HodeiTestSupport
import Testing

@testable import HodeiSecurity

/// Credentials made here, accepted (or refused) by a real nats-server in operator mode and
/// used by nats-py.
@Suite(.serialized)
struct NATSServerTests {
    /// An operator, a system account, a JetStream tenant and a tenant without JetStream.
    struct Deployment {
        let operatorKey = NKeyPair.generate(.operator_)
        let systemKey = NKeyPair.generate(.account)
        let acmeKey = NKeyPair.generate(.account)
        let plainKey = NKeyPair.generate(.account)
        /// An acme signing key: users it signs carry issuer_account = acme.
        let acmeSigningKey = NKeyPair.generate(.account)
        /// A user acme revoked: its JWTs issued before `revokedAt` are refused.
        let revokedUser = NKeyPair.generate(.user)
        let revokedAt = Int64(Date().timeIntervalSince1970)

        func config() throws -> OperatorModeConfig {
            OperatorModeConfig(
                operatorJWT: try JWTIssuer.issueOperator(name: "hodei", operatorKey: operatorKey, systemAccount: systemKey.publicKey),
                systemAccount: systemKey.publicKey,
                accountJWTs: [
                    systemKey.publicKeyText: try JWTIssuer.issueAccount(
                        name: "SYS", accountKey: systemKey.publicKey, operatorKey: operatorKey),
                    acmeKey.publicKeyText: try JWTIssuer.issueAccount(
                        name: "acme", accountKey: acmeKey.publicKey, operatorKey: operatorKey,
                        limits: AccountLimits(
                            jetStream: JetStreamLimits(memoryStorage: 64 << 20, diskStorage: 256 << 20, streams: 10, consumers: 100)),
                        signingKeys: [acmeSigningKey.publicKey], revocations: [revokedUser.publicKeyText: revokedAt]),
                    plainKey.publicKeyText: try JWTIssuer.issueAccount(
                        name: "plain", accountKey: plainKey.publicKey, operatorKey: operatorKey),
                ])
        }

        /// The full server config: listen on a random loopback port, JetStream, operator block.
        func serverConfig(storeDir: String) throws -> String {
            let operatorBlock = try config()
            try operatorBlock.validate()
            return """
                host: 127.0.0.1
                port: -1
                jetstream {
                  store_dir: "\(storeDir)"
                  max_mem: 67108864
                  max_file: 268435456
                }
                \(operatorBlock.render())
                """
        }
    }

    /// Issues a user of `account` (signed by `signer`) and writes its creds into `store`.
    func writeUser(
        _ name: String, account: NKeyPair, signer: NKeyPair? = nil, issuerAccount: NKeyPublicKey? = nil,
        user: NKeyPair = .generate(.user), issuedAt: Date = Date(), store: SecretStore
    ) throws -> String {
        let jwt = try JWTIssuer.issueUser(
            name: name, userKey: user.publicKey, accountKey: signer ?? account, issuerAccount: issuerAccount,
            issuedAt: issuedAt)
        return try store.writeCreds(CredsFile(jwt: jwt, seed: user.seed), name: name)
    }

    /// nats-py with `creds`: a message round trip, then (with `jetStream`) JetStream must be enabled or not.
    func client(_ server: TestNATSServer, creds: String, jetStream: Bool? = nil) async throws -> Subprocess.Result {
        try await NatsPyClient.run(url: server.url, auth: .creds(creds), check: .echo(subject: "hodei.events.test.ping", jetStream: jetStream))
    }

    @Test(arguments: ["nats-server", "/usr/sbin/nats-server"])
    func credsAreAcceptedByTheServerAndNatsPy(executable: String) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let deployment = Deployment()
        let store = try SecretStore(directory: temp.url.appendingPathComponent("secrets"))
        let acmeCreds = try writeUser("acme-dev", account: deployment.acmeKey, store: store)
        let plainCreds = try writeUser("plain-dev", account: deployment.plainKey, store: store)
        #expect(try temp.mode(of: acmeCreds) == 0o600)
        #expect(try temp.mode(of: store.directory.path) == 0o700)
        let configPath = temp.url.appendingPathComponent("nats-server.conf").path
        try deployment.serverConfig(storeDir: temp.url.appendingPathComponent("js").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let server = try await TestNATSServer(configPath: configPath, executable: executable)
        defer { server.stop() }

        let acme = try await client(server, creds: acmeCreds, jetStream: true)
        #expect(acme.status == 0, "acme: \(acme.stdout) \(acme.stderr)")
        // An account JWT without JetStream limits has JetStream disabled (reference claim).
        let plain = try await client(server, creds: plainCreds, jetStream: false)
        #expect(plain.status == 0, "plain: \(plain.stdout) \(plain.stderr)")
        #expect(!Redaction.containsSecret(server.logText))
    }

    @Test(arguments: ["nats-server", "/usr/sbin/nats-server"])
    func onlyUsersSignedForTheirAccountAreAccepted(executable: String) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let deployment = Deployment()
        let store = try SecretStore(directory: temp.url.appendingPathComponent("secrets"))
        // Signed by an account the operator never issued (not in the resolver).
        let strangerCreds = try writeUser("stranger", account: NKeyPair.generate(.account), store: store)
        // Claims to be acme's via issuer_account, but signed by a key that is not an acme signing key.
        let impostorCreds = try writeUser(
            "impostor", account: deployment.acmeKey, signer: NKeyPair.generate(.account),
            issuerAccount: deployment.acmeKey.publicKey, store: store)
        // Revoked: issued before the account's revocation time for this user key.
        let revokedCreds = try writeUser(
            "revoked", account: deployment.acmeKey, user: deployment.revokedUser,
            issuedAt: Date(timeIntervalSince1970: TimeInterval(deployment.revokedAt - 60)), store: store)
        let goodCreds = try writeUser("good", account: deployment.acmeKey, store: store)
        // Signed by a declared acme signing key on behalf of acme: accepted.
        let delegatedCreds = try writeUser(
            "delegated", account: deployment.acmeKey, signer: deployment.acmeSigningKey,
            issuerAccount: deployment.acmeKey.publicKey, store: store)
        let configPath = temp.url.appendingPathComponent("nats-server.conf").path
        try deployment.serverConfig(storeDir: temp.url.appendingPathComponent("js").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let server = try await TestNATSServer(configPath: configPath, executable: executable)
        defer { server.stop() }

        for creds in [strangerCreds, impostorCreds, revokedCreds] {
            let result = try await client(server, creds: creds)
            #expect(result.status == 1, "\(creds) was accepted")
            #expect(result.stdout.contains("Authorization Violation"), "\(result.stdout)")
        }
        for creds in [goodCreds, delegatedCreds] {
            let result = try await client(server, creds: creds)
            #expect(result.status == 0, "\(creds): \(result.stdout) \(result.stderr)")
        }
    }

    @Test(arguments: ["nats-server", "/usr/sbin/nats-server"])
    func renderedOperatorConfigPassesTheConfigCheck(executable: String) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let configPath = temp.url.appendingPathComponent("nats-server.conf").path
        try Deployment().serverConfig(storeDir: temp.url.appendingPathComponent("js").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let result = try await Subprocess.run(executable, ["-t", "-c", configPath], timeout: .seconds(30))
        #expect(result.status == 0, "\(executable): \(result.stdout) \(result.stderr)")
        let broken = try String(contentsOfFile: configPath, encoding: .utf8) + "\nnot_a_known_key: 1\n"
        try broken.write(toFile: configPath, atomically: true, encoding: .utf8)
        let rejected = try await Subprocess.run(executable, ["-t", "-c", configPath], timeout: .seconds(30))
        #expect(rejected.status != 0, "the config check accepts anything: the test proves nothing")
    }
}
