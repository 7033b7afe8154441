import ArgumentParser
import Foundation
import HodeiProfile
import HodeiProvision

extension HodeiProvisionCommand {
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write nats-server configs and client settings for a profile, creating missing credentials.",
            discussion: """
            Creates what is missing under auth.secrets_dir (keys are reused, never
            regenerated), then writes, per node, DIR/<node>/nats-server.conf for the
            target server version, and per tenant user DIR/clients/<tenant>/<user>.env
            (HODEI_* variables) and <user>.context.json (nats CLI context). Both
            reference the creds/seed file by path. Unchanged files are not rewritten.
            Prints paths and public keys, never a secret.

            Examples:
              hodei-provision render profiles/dev.profile --out .hodei/dev/render
              hodei-provision render profiles/prod.profile --out out/prod --server-version 2.9.10
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile to render.")
        var profile: String

        @Option(help: "Output directory.")
        var out: String

        @Option(name: .customLong("server-version"), help: "Target nats-server version (2.9.10, 2.15.1, ...) or auto (the nats-server on PATH).")
        var serverVersion = "auto"

        func validate() throws {
            if serverVersion != "auto" && ServerVersion(serverVersion) == nil {
                throw ValidationError("--server-version must be a version like 2.9.10 or 'auto', not '\(serverVersion)'")
            }
        }

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            do {
                let version: ServerVersion
                if let fixed = ServerVersion(serverVersion) {
                    version = fixed
                } else {
                    version = try await ServerVersionDetection.detect()
                }
                let result = try EnvironmentRenderer(profile: loaded, outDirectory: out, version: version).render()
                for line in RenderSummary.lines(result, version: version) { print(line) }
            } catch let error as CredentialError {
                StageReporter.printError("rendering: \(error)")
                throw StageReporter.exitCode(for: .rendering)
            } catch let error as RenderError {
                StageReporter.printError("rendering: \(error)")
                throw StageReporter.exitCode(for: .rendering)
            }
        }
    }
}

/// The text `render` prints: what changed, orphans, and where things are. Paths and public keys only.
enum RenderSummary {
    static func lines(_ result: EnvironmentRenderer.Result, version: ServerVersion) -> [String] {
        let credentials = result.credentials
        var lines: [String] = []
        let changed = credentials.events.filter(\.changed)
        lines.append("credentials (\(credentials.mode.rawValue) mode) in \(credentials.layout.root): "
            + "\(changed.count) created or re-issued, \(credentials.events.count - changed.count) unchanged")
        lines += changed.map { "  \($0)" }
        lines += credentials.orphans.map { "  orphan: \($0)" }
        lines.append("server configs (nats-server \(version)):")
        lines += result.serverConfigs.map { "  \($0.node): \($0.path)" }
        lines.append("clients:")
        for client in result.clients {
            lines.append("  \(client.settings.tenant)/\(client.settings.user): \(client.envFile)")
            lines.append("      context \(client.contextFile)")
            lines.append("      secret  \(client.credentialFile)")
        }
        lines.append("\(result.written.count) file(s) written, the others unchanged")
        return lines
    }
}
