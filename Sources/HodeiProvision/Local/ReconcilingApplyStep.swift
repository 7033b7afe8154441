import HodeiPlan
import HodeiProfile

/// `up`'s apply step: plan with the default options (no replace, no prune: nothing that loses
/// data), then execute it — the `--yes` of a fresh environment. A plan with errors or a
/// destructive step is refused with the plan's own words; `apply` with flags is the way for those.
public struct ReconcilingApplyStep: LocalApplyStep {
    public init() {}

    public func apply(profile: Profile, urls: [String], credentials: CredentialSet) async throws -> [String] {
        let reconciler = Reconciler(profile: profile)
        let planned = await reconciler.plan()
        let plan = planned.plan
        if plan.hasErrors || !plan.destructiveSteps.isEmpty {
            await reconciler.close()
            let problems = plan.resources.filter { $0.action == .error || $0.isDestructive }
                .map { "\($0.address): \($0.reason ?? $0.action.rawValue)" }
            throw LocalEnvironmentError(
                location: profile.sourceFile, problem: "apply refused: \(problems.joined(separator: "; "))",
                fix: "run `hodei-provision plan \(profile.sourceFile)` and resolve these (or apply with the flags it names)")
        }
        guard plan.hasChanges else {
            await reconciler.close()
            return ["apply    No changes."]
        }
        let report = await reconciler.apply(plan)
        await reconciler.close()
        guard report.succeeded else {
            throw LocalEnvironmentError(
                location: profile.sourceFile,
                problem: "apply failed: \(report.failures.map(\.description).joined(separator: "; "))",
                fix: "fix the cause named above and run `hodei-provision apply \(profile.sourceFile)`")
        }
        return report.results.map { "apply    \($0)" } + ["apply    \(report.summary)"]
    }
}
