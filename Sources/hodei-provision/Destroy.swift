import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProvision

extension HodeiProvisionCommand {
    struct Destroy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the streams and consumers this profile manages (and nothing else).",
            discussion: """
            Plans in destroy mode: every stream and consumer carrying this
            profile's ownership marker is deleted, with its messages. Resources
            of other profiles and unmanaged ones are never touched; prevent_delete
            (in the profile or on the live resource) is absolute. The plan is
            printed, and every step must be confirmed by typing `yes` unless --yes
            (without a terminal and without --yes nothing is deleted). Runs under
            the environment's apply lock and is recorded in its history.

            Exit status: 0 destroyed or nothing to destroy, 1 error (invalid
            profile, refused confirmation, a failed delete), 64 usage error.

            Examples:
              hodei-provision destroy profiles/dev.profile
              hodei-provision destroy profiles/staging.profile --target acme/BUILD_LOGS --yes
            """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("target"), help: ArgumentHelp(
            "Limit to tenant[/stream[/consumer]] (repeatable).", valueName: "address"))
        var targets: [String] = []

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        @Flag(name: .customLong("force-unlock"), help: "Remove the environment's apply lock first (only when its holder is known to be dead).")
        var forceUnlock = false

        @Argument(help: "The profile whose managed resources to delete.")
        var profile: String

        func run() async throws {
            let addresses = try TargetOption.parse(targets)
            let loaded = try ProfileStage.load(profile, reporter: StageReporter(options: global))
            let reconciler = Reconciler(profile: loaded)
            do {
                try await destroy(reconciler, targets: addresses)
            } catch {
                await reconciler.close()
                throw error
            }
            await reconciler.close()
        }

        private func destroy(_ reconciler: Reconciler, targets: [ResourceAddress]) async throws {
            let plan = await reconciler.plan(options: PlanOptions(targets: targets, destroy: true)).plan
            switch global.format {
            case .text: print(PlanRenderer(color: global.useColor).render(plan), terminator: "")
            case .json: ProfileStage.write(try PlanJSON.encode(plan))
            }
            let executable = plan.resources.filter(\.isExecutable)
            guard !executable.isEmpty else {
                if plan.hasErrors { throw StageReporter.exitCode(for: .planning) }
                return
            }
            try confirm(plan)
            let run = try await LockedRun.begin(reconciler, forceUnlock: forceUnlock)
            let report = await reconciler.apply(plan, reporter: StderrProgressReporter())
            await run.finish(plan: plan, report: report, profilePath: profile, profileHash: reconciler.profileHash)
            if global.format == .text {
                print("")
                for result in report.results { print(result.description) }
                print(report.summary)
            }
            if !report.succeeded || plan.hasErrors { throw StageReporter.exitCode(for: .applying) }
        }

        private func confirm(_ plan: HodeiPlan.Plan) throws {
            let steps = plan.destructiveSteps.filter { $0.impliedBy == nil && $0.isExecutable }
            guard !yes else { return }
            guard isatty(STDIN_FILENO) == 1 else {
                StageReporter.printError("applying: destroy deletes \(steps.count) resource(s) and there is no terminal "
                    + "to confirm it; nothing was deleted (fix: review the plan, then pass --yes)")
                throw StageReporter.exitCode(for: .applying)
            }
            StageReporter.printError("These steps delete data:")
            for step in steps { StageReporter.printError("  " + PlanRenderer.describeDestructive(step)) }
            FileHandle.standardError.write(Data("Type yes to destroy: ".utf8))
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                StageReporter.printError("Destroy cancelled; nothing was deleted.")
                throw StageReporter.exitCode(for: .applying)
            }
        }
    }
}
