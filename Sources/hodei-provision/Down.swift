import ArgumentParser
import HodeiProvision

extension HodeiProvisionCommand {
    struct Down: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a local environment started by `up` (data kept unless --purge).",
            discussion: """
            Stops each node by its pid file (SIGTERM, then SIGKILL after the
            timeout). The JetStream stores, logs and client files are kept unless
            --purge; keys, creds and certificates are kept unless --purge-secrets
            (which implies --purge). Stopping what is not running is not an error.

            Examples:
              hodei-provision down profiles/dev.profile
              hodei-provision down profiles/dev.profile --purge
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile whose environment to stop.")
        var profile: String

        @Option(name: .customLong("state-dir"), help: "The state directory given to `up` (default: .hodei/<env>/ at the repository root).")
        var stateDir: String?

        @Flag(help: "Also delete the servers' data, logs and client files.")
        var purge = false

        @Flag(name: .customLong("purge-secrets"), help: "Also delete keys, JWTs, creds and certificates (implies --purge).")
        var purgeSecrets = false

        @Option(name: .customLong("timeout"), help: "Seconds to wait after SIGTERM before SIGKILL.")
        var timeoutSeconds: Int = 10

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            let environment = LocalEnvironment(profile: loaded, stateDirectory: stateDir)
            do {
                let report = try await environment.down(
                    purge: purge, purgeSecrets: purgeSecrets, stopTimeout: .seconds(timeoutSeconds))
                for line in report.lines { print(line) }
            } catch {
                StageReporter.printError("down: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
