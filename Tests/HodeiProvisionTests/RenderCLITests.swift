import Foundation
import HodeiSecurity
import Testing

/// The `render`, `certs` and `rotate` commands as a user runs them: exit codes, files, and no
/// secret in anything they print.
@Suite(.serialized) struct RenderCLITests {
    static var binary: String? {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [directory, Bundle.main.bundleURL] {
            let path = candidate.appendingPathComponent("hodei-provision").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(Self.binary, "build the hodei-provision executable first (swift build)")
        let result = try await runProcess(binary, arguments)
        #expect(!Redaction.containsSecret(result.stdout), "secret in stdout of \(arguments): \(Redaction.redact(result.stdout))")
        #expect(!Redaction.containsSecret(result.stderr), "secret in stderr of \(arguments): \(Redaction.redact(result.stderr))")
        return result
    }

    @Test func certsRenderAndRotatePrintNoSecret() async throws {
        let sandbox = try ProvisionSandbox("cli")
        defer { sandbox.remove() }
        let file = sandbox.path("staging.profile")
        // `certs` writes ./certs/<env> (working directory): an environment of its own keeps this test
        // away from the repository's certs/staging, which ExampleProfileTests reads.
        try ProfileTexts.threeTenants(mode: "operator", ports: [4222, 4223, 4224], tls: true, cluster: true)
            .replacingOccurrences(of: "environment: staging", with: "environment: cli-test")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let certs = try await run(["certs", file, "--renew-within", "30d"])
        #expect(certs.status == 0, "\(certs.stderr)")
        #expect(certs.stdout.contains("issued  CA"))
        let out = sandbox.path("out")
        let render = try await run(["render", file, "--out", out, "--server-version", "2.9.10"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("\(out)/n1/nats-server.conf"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/clients/acme/worker.env"))
        let again = try await run(["render", file, "--out", out, "--server-version", "2.9.10"])
        #expect(again.stdout.contains("0 file(s) written"), "\(again.stdout)")
        let rotate = try await run(["rotate", file, "acme/worker"])
        #expect(rotate.status == 0, "\(rotate.stderr)")
        #expect(rotate.stdout.contains("new public key:"))
        let renew = try await run(["certs", file, "--renew-within", "500d"])
        #expect(renew.status == 0 && renew.stdout.contains("kept    CA"))
    }

    @Test func usageAndProfileErrorsHaveTheirExitCodes() async throws {
        let sandbox = try ProvisionSandbox("cli-errors")
        defer { sandbox.remove() }
        let file = sandbox.path("dev.profile")
        try ProfileTexts.dev().write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try await run(["render", file, "--out", sandbox.path("o"), "--server-version", "banana"]).status == 64)
        #expect(try await run(["certs", file, "--renew-within", "soon"]).status == 64)
        #expect(try await run(["rotate", file, "dev/nobody"]).status == 1)
        #expect(try await run(["render", sandbox.path("missing.profile"), "--out", sandbox.path("o")]).status == 1)
    }
}
