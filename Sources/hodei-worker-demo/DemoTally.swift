/// What happened during the demo, for the live output and the closing summary.
actor DemoTally {
    private(set) var scheduled: Set<String> = []
    private(set) var completed: Set<String> = []
    private(set) var completedBy: [String: Int] = [:]
    private(set) var takenBy: [String: Int] = [:]
    private(set) var redeliveries = 0
    /// job.completed seen again for a job already completed (at-least-once shows as duplicates).
    private(set) var duplicates = 0
    private(set) var abandoned: [String: String] = [:]      // job → worker that died with it
    private(set) var redoneBy: [String: String] = [:]       // job → worker that redid it
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func scheduled(_ job: String) { scheduled.insert(job) }

    func taken(_ job: String, by worker: String, attempt: Int) {
        takenBy[worker, default: 0] += 1
        if attempt > 1 {
            redeliveries += 1
            if abandoned[job] != nil { redoneBy[job] = worker }
        }
    }

    func abandoned(_ job: String, by worker: String) { abandoned[job] = worker }

    /// A job.completed event seen by the tracker.
    func completed(_ job: String, by worker: String) {
        if completed.insert(job).inserted {
            completedBy[worker, default: 0] += 1
        } else {
            duplicates += 1
        }
        if !scheduled.isEmpty, completed.isSuperset(of: scheduled) {
            waiters.forEach { $0.resume() }
            waiters.removeAll()
        }
    }

    func isPipelineDone(_ jobs: [String]) -> Bool { jobs.allSatisfy(completed.contains) }

    /// Returns once every scheduled job completed.
    func waitUntilAllCompleted() async {
        if !scheduled.isEmpty, completed.isSuperset(of: scheduled) { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func summary(workers: [String]) -> String {
        var lines = ["", "summary"]
        lines.append("  jobs scheduled      \(scheduled.count)")
        lines.append("  jobs completed      \(completed.count)")
        for worker in workers {
            lines.append("  \(worker.padding(toLength: 19, withPad: " ", startingAt: 0)) took \(takenBy[worker, default: 0]), completed \(completedBy[worker, default: 0])")
        }
        lines.append("  redeliveries        \(redeliveries)")
        lines.append("  duplicate completes \(duplicates)")
        for (job, worker) in abandoned.sorted(by: { $0.key < $1.key }) {
            lines.append("  at-least-once       \(job) abandoned by \(worker), redone by \(redoneBy[job] ?? "nobody (yet)")")
        }
        return lines.joined(separator: "\n")
    }
}
