import Foundation
import HodeiSecurity
import Testing

/// Runs the built `hodei-provision` and checks that nothing it printed holds a secret.
enum CLIRun {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(RenderCLITests.binary, "build the hodei-provision executable first (swift build)")
        let result = try await runProcess(binary, arguments, timeout: timeout)
        #expect(!Redaction.containsSecret(result.stdout), "secret in stdout of \(arguments): \(Redaction.redact(result.stdout))")
        #expect(!Redaction.containsSecret(result.stderr), "secret in stderr of \(arguments): \(Redaction.redact(result.stderr))")
        return result
    }

    /// profiles/dev.profile and base.profile copied into `directory`, on `port`, secrets inside it.
    static func devProfileCopy(in directory: String, port: Int) throws -> String {
        let profiles = repositoryRoot.appendingPathComponent("profiles")
        let base = try String(contentsOf: profiles.appendingPathComponent("base.profile"), encoding: .utf8)
        try base.write(toFile: "\(directory)/base.profile", atomically: true, encoding: .utf8)
        let dev = try String(contentsOf: profiles.appendingPathComponent("dev.profile"), encoding: .utf8)
            .replacingOccurrences(of: "127.0.0.1:4222", with: "127.0.0.1:\(port)")
            .replacingOccurrences(of: "secrets_dir: ../.hodei/dev/secrets", with: "secrets_dir: secrets")
        #expect(dev.contains("127.0.0.1:\(port)") && dev.contains("secrets_dir: secrets"), "profiles/dev.profile changed shape")
        let path = "\(directory)/dev.profile"
        try dev.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
