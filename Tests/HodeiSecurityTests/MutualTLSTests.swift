import Foundation
import HodeiTestSupport
import Testing

@testable import HodeiSecurity

/// Certificates made here, used by a real nats-server with `verify: true` and by nats-py.
@Suite(.serialized)
struct MutualTLSTests {
    static let day: TimeInterval = 86_400

    @Test func serverAcceptsOnlyClientsWithACertificateFromItsCA() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url.appendingPathComponent("tls"))
        let ca = try CertificateAuthority.create(commonName: "Hodei Test CA", validity: 30 * Self.day)
        let server = try ca.issueServerCertificate(
            commonName: "nats-test", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1", "::1"], validity: 7 * Self.day)
        let client = try ca.issueClientCertificate(commonName: "acme/worker", validity: 7 * Self.day)
        let strangerCA = try CertificateAuthority.create(commonName: "Other CA", validity: 30 * Self.day)
        let stranger = try strangerCA.issueClientCertificate(commonName: "acme/worker", validity: 7 * Self.day)

        func save(_ issued: IssuedCertificate, _ name: String) throws -> (cert: String, key: String) {
            try store.write(SecretString(issued.certificatePEM), name: name + ".crt")
            try store.write(issued.privateKeyPEM, name: name + ".key")
            return (try store.path(for: name + ".crt"), try store.path(for: name + ".key"))
        }
        let caFiles = try save(ca.issued, "ca")
        let serverFiles = try save(server, "server")
        let clientFiles = try save(client, "client")
        let strangerFiles = try save(stranger, "stranger")
        #expect(try temp.mode(of: clientFiles.key) == 0o600)

        let configPath = temp.url.appendingPathComponent("nats-server.conf").path
        try """
        host: 127.0.0.1
        port: -1
        tls {
          cert_file: "\(serverFiles.cert)"
          key_file: "\(serverFiles.key)"
          ca_file: "\(caFiles.cert)"
          verify: true
          timeout: 5
        }
        """.write(toFile: configPath, atomically: true, encoding: .utf8)
        for executable in ["nats-server", "/usr/sbin/nats-server"] {
            let check = try await Subprocess.run(executable, ["-t", "-c", configPath], timeout: .seconds(30))
            #expect(check.status == 0, "\(executable): \(check.stdout) \(check.stderr)")
        }
        let natsServer = try await TestNATSServer(configPath: configPath)
        defer { natsServer.stop() }
        let url = "tls://127.0.0.1:\(natsServer.port)"

        func connect(_ tls: NatsPyClient.TLS) async throws -> Subprocess.Result {
            try await NatsPyClient.run(url: url, tls: tls, check: .echo(subject: "hodei.events.test.tls"))
        }
        let accepted = try await connect(.init(ca: caFiles.cert, certificate: clientFiles.cert, key: clientFiles.key))
        #expect(accepted.status == 0, "client with our cert: \(accepted.stdout) \(accepted.stderr)")
        let noCertificate = try await connect(.init(ca: caFiles.cert))
        #expect(noCertificate.status == 1, "client without a certificate was accepted")
        let otherCA = try await connect(.init(ca: caFiles.cert, certificate: strangerFiles.cert, key: strangerFiles.key))
        #expect(otherCA.status == 1, "client with another CA's certificate was accepted")
        let plaintext = try await PlaintextProbe.run(host: "127.0.0.1", port: natsServer.port)
        #expect(plaintext.status == 1, "plaintext client was accepted: \(plaintext.stdout) \(plaintext.stderr)")
        #expect(!Redaction.containsSecret(natsServer.logText))
    }
}
