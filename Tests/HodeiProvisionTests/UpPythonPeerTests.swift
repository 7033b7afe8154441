import Foundation
import HodeiTestSupport
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSServerControl
import Testing

/// Credentials this tool makes, checked by independent implementations: nats-py connects with
/// them to a server running the rendered config, and PyPI `nkeys` derives the same public keys
/// and verifies signatures made with the seeds. Paths go on the command line, never secrets.
@Suite(.serialized) struct UpPythonPeerTests {
    /// argv: files (.creds or .nk) → per file "ok <public key>" or "bad <why>".
    static let verifyKeys = """
        import sys, os, json, base64, nkeys, nacl.signing
        def b64(s):
            return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        def raw_public(text):
            data = base64.b32decode(text + "=" * (-len(text) % 8))
            assert bytes(nkeys.crc16_checksum(data[:-2])) == data[-2:], "crc"
            return data[1:-2]
        for path in sys.argv[1:]:
            text = open(path).read()
            seed = [l for l in text.splitlines() if l.startswith("SU")][0].strip()
            kp = nkeys.from_seed(seed.encode())
            public = kp.public_key.decode()
            message = os.urandom(32)
            kp.verify(message, kp.sign(message))
            if path.endswith(".creds"):
                jwt = text.split("-----BEGIN NATS USER JWT-----")[1].split("------END")[0].strip()
                h, p, s = jwt.split(".")
                claims = json.loads(b64(p))
                assert claims["sub"] == public, "sub"
                nacl.signing.VerifyKey(raw_public(claims["iss"])).verify((h + "." + p).encode(), b64(s))
            print("ok", public)
        """

    @Test(arguments: ["operator", "accounts"])
    func natsPyConnectsWithOurCredentialsAndNkeysAgreesWithOurKeys(authMode: String) async throws {
        let sandbox = try ProvisionSandbox("python-\(authMode)")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(LiveTenants.profile(mode: authMode, port: port))
        try await RenderServerTests.withServer(sandbox, profile: profile, port: port) { server, result in
            let users = result.credentials.tenants.flatMap(\.users).filter { $0.name == "auditor" || $0.name == "worker" }
            #expect(users.count == 6)
            for user in users {
                #expect(try mode(of: user.file) == 0o600)
                let subject = user.name == "worker" ? "hodei.events.worker.py" : "hodei.events.audit"
                if user.name == "auditor" { continue }  // subscribe-only: it may not publish
                let run = try await NatsPyClient.run(
                    url: server.url, auth: authMode == "operator" ? .creds(user.file) : .nkeySeed(user.file),
                    inboxPrefix: user.permissions.inboxPrefix, check: .publish(subject: subject))
                #expect(run.status == 0, "\(user.address): \(run.stdout) \(run.stderr)")
            }
            let check = try await Python3.run(Self.verifyKeys, users.map(\.file), timeout: .seconds(40))
            #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
            #expect(check.stdout.split(separator: "\n") == users.map { Substring("ok \($0.publicKey)") })
            #expect(!Redaction.containsSecret(check.stdout + check.stderr))
        }
    }
}
