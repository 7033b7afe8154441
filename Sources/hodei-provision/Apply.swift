import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision

extension HodeiProvisionCommand {
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the servers match the profile (or apply a saved plan file).",
            discussion: """
            Plans as `plan` does, prints the plan, then creates, updates, replaces
            and deletes what it lists: per stream its consumer deletes, the stream
            step, then its consumer creates/updates; at most 8 requests in flight;
            progress on stderr for long applies; one result line per resource. A
            tenant that cannot be read or fails does not stop the others.

            Destructive steps (replace, delete) are listed in words and need you to
            type `yes`, unless --yes; without a terminal and without --yes a
            destructive plan is refused. An unchanged profile prints "No changes."
            and sends no request that changes anything.

            A plan error on a stream or consumer (e.g. a field the server version
            does not support) stops the apply before anything is sent. With a plan
            file (`plan --out plan.json`), exactly that plan is applied after
            checking that the live state has not moved since; --profile names the
            profile it came from (for the servers and credentials).

            Exit status: 0 applied or nothing to do, 1 error (invalid profile, plan
            error, refused or cancelled confirmation, live state moved since the
            plan file, any resource failed), 64 usage error.

            Examples:
              hodei-provision apply profiles/dev.profile
              hodei-provision apply profiles/prod.profile --target acme --yes
              hodei-provision apply profiles/prod.profile --allow-replace
              hodei-provision plan profiles/prod.profile --out plan.json
              hodei-provision apply plan.json --profile profiles/prod.profile
            """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: PlanFlags

        @Argument(help: "A profile, or a plan file written by `plan --out`.")
        var source: String

        @Option(help: ArgumentHelp("The profile a plan file was made from (needed with a plan file).", valueName: "profile"))
        var profile: String?

        @Flag(help: "Do not ask for confirmation of destructive steps.")
        var yes = false

        func run() async throws {
            let reporter = StageReporter(options: global)
            let isPlanFile = source.hasSuffix(".json")
            guard !isPlanFile || profile != nil else {
                throw ValidationError("applying a plan file needs --profile PROFILE (the profile it was planned from)")
            }
            let options = try flags.options()
            guard !isPlanFile || options == PlanOptions() else {
                throw ValidationError("a plan file carries the options it was planned with; drop --target/--allow-replace/--prune/--adopt or plan again")
            }
            let loaded = try ProfileStage.load(profile ?? source, reporter: reporter)
            let reconciler = Reconciler(profile: loaded)
            do {
                let plan: HodeiPlan.Plan
                if isPlanFile {
                    plan = try await verifiedPlanFile(reconciler: reconciler, environment: loaded.environment)
                } else {
                    plan = await reconciler.plan(options: options).plan
                }
                try await execute(plan, reconciler: reconciler)
            } catch {
                await reconciler.close()
                throw error
            }
            await reconciler.close()
        }

        private func verifiedPlanFile(reconciler: Reconciler, environment: String) async throws -> HodeiPlan.Plan {
            let file: PlanFile
            do {
                file = try PlanJSON.decodePlanFile(Data(contentsOf: URL(fileURLWithPath: source)))
            } catch {
                StageReporter.printError("loading: \(source): \(Self.describe(error))")
                throw StageReporter.exitCode(for: .loading)
            }
            guard file.plan.environment == environment else {
                StageReporter.printError("loading: \(source) was planned for environment '\(file.plan.environment)', "
                    + "not '\(environment)' (fix: pass the profile it was planned from)")
                throw StageReporter.exitCode(for: .loading)
            }
            let drifts = await reconciler.verify(file)
            guard drifts.isEmpty else {
                StageReporter.printError("planning: the live state moved since \(source) was written; nothing was applied:")
                for drift in drifts { StageReporter.printError("  \(drift)") }
                throw StageReporter.exitCode(for: .planning)
            }
            return file.plan
        }

        private func execute(_ plan: HodeiPlan.Plan, reconciler: Reconciler) async throws {
            if global.format == .text { print(PlanRenderer(color: global.useColor).render(plan), terminator: "") }
            let configErrors = plan.resources.filter { $0.action == .error && $0.kind != .tenant }
            guard configErrors.isEmpty else {
                if global.format == .json { ProfileStage.write(try Self.json(plan: plan, report: nil)) }
                StageReporter.printError("planning: \(configErrors.count) plan error(s); nothing was applied (fix the profile and run plan again)")
                throw StageReporter.exitCode(for: .planning)
            }
            let executable = plan.resources.filter(\.isExecutable)
            if executable.isEmpty {
                if global.format == .json { ProfileStage.write(try Self.json(plan: plan, report: nil)) }
                if plan.hasErrors { throw StageReporter.exitCode(for: .planning) }
                return
            }
            try confirm(plan)
            let report = await reconciler.apply(plan, reporter: StderrProgressReporter())
            switch global.format {
            case .text:
                print("")
                for result in report.results { print(result.description) }
                print(report.summary)
            case .json:
                ProfileStage.write(try Self.json(plan: plan, report: report))
            }
            if !report.succeeded || plan.hasErrors { throw StageReporter.exitCode(for: .applying) }
        }

        /// Destructive steps need `yes` typed at a terminal, or --yes.
        private func confirm(_ plan: HodeiPlan.Plan) throws {
            let destructive = plan.destructiveSteps.filter { $0.impliedBy == nil }
            guard !destructive.isEmpty, !yes else { return }
            guard isatty(STDIN_FILENO) == 1 else {
                StageReporter.printError("applying: the plan has \(destructive.count) destructive step(s) and there is no terminal "
                    + "to confirm them; nothing was applied (fix: review the plan, then pass --yes)")
                throw StageReporter.exitCode(for: .applying)
            }
            StageReporter.printError("These steps delete data:")
            for step in destructive { StageReporter.printError("  " + PlanRenderer.describeDestructive(step)) }
            FileHandle.standardError.write(Data("Type yes to apply: ".utf8))
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                StageReporter.printError("Apply cancelled; nothing was applied.")
                throw StageReporter.exitCode(for: .applying)
            }
        }

        /// `--format json`: `{"plan": PLAN, "results": [...] | null, "succeeded": bool, "summary": text}`.
        static func json(plan: HodeiPlan.Plan, report: ApplyReport?) throws -> Data {
            var data = try PlanJSON.encoder().encode(ApplyOutput(plan: plan, report: report))
            data.append(0x0A)
            return data
        }

        static func describe(_ error: any Error) -> String {
            if let decoding = error as? DecodingError {
                switch decoding {
                case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                     .valueNotFound(_, let context):
                    return context.debugDescription
                @unknown default: return "\(decoding)"
                }
            }
            return error.localizedDescription
        }
    }
}
