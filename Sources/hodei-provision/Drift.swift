import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProvision

extension HodeiProvisionCommand {
    struct Drift: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check whether the servers still match the profile (for cron and CI).",
            discussion: """
            Reads every tenant's streams and consumers as `plan` does and reports
            each resource whose live state differs from the profile: missing,
            changed (with the fields), managed but gone from the profile, or a
            same-named resource this profile does not manage. Changes nothing.

            --format json prints a report for machines (schema in
            docs/operations.md, "drift report"); text is for people.

            Exit status: 0 no drift, 2 drift detected, 1 error (invalid profile,
            unreachable server, a tenant that cannot be read), 64 usage error.

            Examples:
              hodei-provision drift profiles/prod.profile
              hodei-provision drift profiles/prod.profile --format json > drift.json
            """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("target"), help: ArgumentHelp(
            "Limit to tenant[/stream[/consumer]] (repeatable).", valueName: "address"))
        var targets: [String] = []

        @Argument(help: "The profile to check.")
        var profile: String

        func run() async throws {
            let addresses = try TargetOption.parse(targets)
            let loaded = try ProfileStage.load(profile, reporter: StageReporter(options: global))
            let reconciler = Reconciler(profile: loaded)
            let report = await reconciler.drift(targets: addresses)
            await reconciler.close()
            switch global.format {
            case .text: print(report.text, terminator: "")
            case .json: ProfileStage.write(try report.json())
            }
            if !report.errors.isEmpty { throw ExitCode(1) }
            if report.drifted { throw ExitCode(2) }
        }
    }
}
