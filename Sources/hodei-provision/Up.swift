import ArgumentParser
import HodeiProvision

extension HodeiProvisionCommand {
    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a local environment from a profile: keys, certs, configs, servers, streams.",
            discussion: """
            Renders the environment into .hodei/<env>/ at the repository root (or
            --state-dir): creates missing keys, JWTs, creds and certificates, writes
            one nats-server.conf per node and the client env/context files, starts
            one detached nats-server per node on loopback (ports from servers.urls;
            cluster routes on port+2000), waits until each is ready, then applies
            the profile (never destructive: a plan that would lose data is refused).

            Idempotent: with the servers already running it says so, reloads a
            server whose config changed, and only applies. Prints how each user
            connects: the paths of its env file, nats context and creds (never
            their contents). Stop with `hodei-provision down PROFILE`.

            Examples:
              hodei-provision up profiles/dev.profile
              hodei-provision up profiles/dev.profile --purge-first
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile to start.")
        var profile: String

        @Option(name: .customLong("state-dir"), help: "Where configs, stores, logs and client files go (default: .hodei/<env>/ at the repository root).")
        var stateDir: String?

        @Flag(name: .customLong("purge-first"), help: "Stop the environment and delete its data (not its secrets) before starting.")
        var purgeFirst = false

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            let environment = LocalEnvironment(profile: loaded, stateDirectory: stateDir)
            let report: UpReport
            do {
                report = try await environment.up(purgeFirst: purgeFirst, apply: ReconcilingApplyStep())
            } catch {
                StageReporter.printError("up: \(error)")
                throw ExitCode(1)
            }
            for line in report.lines { print(line) }
            print("")
            print("Environment \(report.environment) is up (state in \(report.stateDirectory)). Stop it with: hodei-provision down \(profile)")
        }
    }
}
