import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision

extension HodeiProvisionCommand {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what apply would change on the servers (changes nothing).",
            discussion: """
            Loads and validates the profile, connects to each tenant's account as
            its hodei-admin identity, reads every stream and consumer and compares
            them with the profile:

              +   create            ~   update in place     -/+ replace (data lost)
              -   delete            =   exists, not managed  !  blocked   !! error

            Replaces need --allow-replace, deleting resources that left the
            profile needs --prune; prevent_delete: true is never overridden. A
            field the server version does not support is an error naming the
            field and the version. --out writes a plan file that
            `apply plan.json --profile PROFILE` applies exactly, refusing if the
            live state moved since. JSON schema: docs/plan-format.md.

            Exit status: 0 nothing to do (or changes, without
            --detailed-exitcode), 1 error (invalid profile, unreachable server,
            a plan error such as an unsupported field or an unreadable tenant),
            2 changes pending (only with --detailed-exitcode), 64 usage error.

            Examples:
              hodei-provision plan profiles/prod.profile
              hodei-provision plan profiles/prod.profile --target acme/HODEI_EVENTS
              hodei-provision plan profiles/prod.profile --out plan.json
              hodei-provision plan profiles/prod.profile --format json --detailed-exitcode
            """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: PlanFlags

        @Argument(help: "The profile to plan.")
        var profile: String

        @Option(help: ArgumentHelp("Also write the plan file (plan + live-state fingerprints) here.", valueName: "plan.json"))
        var out: String?

        @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when there are changes (0 only when there is nothing to do).")
        var detailedExitcode = false

        func run() async throws {
            let options = try flags.options()
            let reporter = StageReporter(options: global)
            let loaded = try ProfileStage.load(profile, reporter: reporter)
            let reconciler = Reconciler(profile: loaded)
            let planned = await reconciler.plan(options: options)
            await reconciler.close()
            let plan = planned.plan
            switch global.format {
            case .text: print(PlanRenderer(color: global.useColor).render(plan), terminator: "")
            case .json: ProfileStage.write(try PlanJSON.encode(plan))
            }
            if let out {
                do {
                    try PlanJSON.encode(planned.planFile()).write(to: URL(fileURLWithPath: out))
                } catch {
                    StageReporter.printError("planning: cannot write \(out): \(error.localizedDescription)")
                    throw StageReporter.exitCode(for: .planning)
                }
                if global.format == .text { print("Plan file written to \(out).") }
            }
            if plan.hasErrors { throw StageReporter.exitCode(for: .planning) }
            if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
        }
    }
}
