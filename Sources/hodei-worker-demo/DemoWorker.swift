import Foundation
import HodeiBus

/// A worker agent: a member of the `job-processors` group taking `job.scheduled`, publishing
/// job.started, a log chunk, a heartbeat and job.completed, then acking. With `crashAfter`, it
/// dies (closes its connection, no ack) while holding the job after that many.
struct DemoWorker: Sendable {
    static let group = "job-processors"

    let name: String
    let bus: NatsBus
    let tenant: String
    let crashAfter: Int?
    let tally: DemoTally
    let output: DemoOutput

    func run() async throws {
        try await bus.publish(SystemEvent(tenant: tenant, .workerConnected(WorkerConnected(
            workerId: name, hostname: ProcessInfo.processInfo.hostName, capabilities: ["linux"], maxConcurrentJobs: 1))))
        let jobs = try await bus.subscribe(filter: try SubjectFilter("\(bus.subjects.prefix).job.scheduled"),
                                           group: Self.group)
        var done = 0
        for await delivery in jobs {
            guard case .jobScheduled(let job) = delivery.event.payload else {
                try await delivery.term()
                continue
            }
            let attempt = delivery.deliveryAttempt
            await tally.taken(job.jobId, by: name, attempt: attempt)
            output.line(name, "took \(job.jobId)" + (attempt > 1 ? "  (attempt \(attempt): redelivered)" : ""))
            if let crashAfter, done == crashAfter {
                await tally.abandoned(job.jobId, by: name)
                output.line(name, "✗ crashed while running \(job.jobId): no ack, connection gone")
                await bus.close()
                return
            }
            let started = ContinuousClock.now
            try await bus.publish(event(.jobStarted(JobStarted(jobId: job.jobId, pipelineId: job.pipelineId,
                                                                workerId: name, attempt: attempt))))
            try await bus.publish(event(.logChunkReceived(LogChunkReceived(
                jobId: job.jobId, workerId: name, stream: .stdout, sequence: 0,
                data: Data("building \(job.jobId) on \(name)\n".utf8)))))
            try await Task.sleep(for: .milliseconds(Int.random(in: 40...160)))  // the "work"
            try await bus.publish(event(.workerHeartbeat(WorkerHeartbeat(workerId: name, runningJobs: 1, load: 0.5))))
            let elapsed = ContinuousClock.now - started
            try await bus.publish(event(.jobCompleted(JobCompleted(
                jobId: job.jobId, pipelineId: job.pipelineId, workerId: name, exitCode: 0,
                durationMs: elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))))
            try await delivery.ack()
            done += 1
        }
    }

    private func event(_ payload: SystemEvent.Payload) -> SystemEvent {
        SystemEvent(tenant: tenant, payload)
    }
}
