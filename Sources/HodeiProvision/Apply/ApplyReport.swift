import HodeiPlan

/// Every result of one apply, in plan order.
public struct ApplyReport: Sendable, Hashable {
    public var results: [ResourceResult]

    public init(results: [ResourceResult]) {
        self.results = results
    }

    public var failures: [ResourceResult] { results.filter { !$0.succeeded } }
    public var succeeded: Bool { failures.isEmpty }

    /// `Apply complete: 3 created, 1 updated, 0 replaced, 0 deleted.` (+ failures).
    public var summary: String {
        func count(_ action: PlanAction) -> Int { results.count { $0.succeeded && $0.action == action } }
        var text = "Apply \(succeeded ? "complete" : "incomplete"): \(count(.create)) created, \(count(.update)) updated, "
            + "\(count(.replace)) replaced, \(count(.delete)) deleted."
        let failed = results.count { if case .failed = $0.outcome { return true } else { return false } }
        let skipped = results.count { if case .skipped = $0.outcome { return true } else { return false } }
        if failed > 0 { text += " \(failed) failed." }
        if skipped > 0 { text += " \(skipped) skipped." }
        return text
    }
}
