import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSServerControl
import Testing

/// Every command of a whole environment's life, in operator mode with three tenants: nothing any
/// of them prints (stdout, stderr) and nothing the server logs holds a seed, key or password.
@Suite(.serialized) struct SecretLeakTests {
    @Test func theScannerCatchesWhatItMustSoItsSilenceMeansSomething() {
        let seed = NKeyPair.generate(.user).seed.exposedText
        #expect(Redaction.containsSecret("creds: \(seed)"))
    }

    @Test func noCommandPrintsASecret() async throws {
        let sandbox = try ProvisionSandbox("leak")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let file = sandbox.path("three.profile")
        try LiveTenants.profile(mode: "operator", port: port).write(toFile: file, atomically: true, encoding: .utf8)
        let state = sandbox.path("state")
        var running = false
        defer {
            if running, case .running(let pid) = DetachedServer(directory: "\(state)/hodei-isolation").status() { kill(pid, SIGKILL) }
        }
        // CLIRun.run checks stdout and stderr of each for secrets.
        let up = try await CLIRun.run(["up", file, "--state-dir", state])
        running = true
        #expect(up.status == 0, "\(up.stdout)\n\(up.stderr)")
        for arguments in [
            ["validate", file], ["explain", file], ["plan", file], ["apply", file, "--yes"],
            ["demo", file, "--tenant", "globex", "--state-dir", state], ["rotate", file, "acme/worker"],
            ["render", file, "--out", sandbox.path("rendered")], ["up", file, "--state-dir", state],
        ] {
            let result = try await CLIRun.run(arguments)
            let serverLog = (try? String(contentsOfFile: "\(state)/hodei-isolation/nats-server.log", encoding: .utf8)) ?? ""
            #expect(result.status == 0, "\(arguments): \(result.stdout)\n\(result.stderr)\nserver log tail:\n\(serverLog.suffix(3000))")
        }
        let log = try String(contentsOfFile: "\(state)/hodei-isolation/nats-server.log", encoding: .utf8)
        #expect(log.contains("Server is ready"))
        #expect(!Redaction.containsSecret(log), "secret in the server log: \(Redaction.redact(log))")
        let down = try await CLIRun.run(["down", file, "--state-dir", state, "--purge-secrets"])
        #expect(down.status == 0, "\(down.stderr)")
        running = false
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("secrets")), "--purge-secrets removes the secrets")
        #expect(!FileManager.default.fileExists(atPath: state))
    }
}
