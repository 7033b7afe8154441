import HodeiBus

/// The "server" side: creates pipelines and schedules their jobs; a tracker (broadcast
/// subscription) counts job.completed and closes each pipeline when all its jobs are done.
struct DemoProducer: Sendable {
    let bus: NatsBus
    let tenant: String
    let pipelines: Int
    let jobsPerPipeline: Int
    let tally: DemoTally
    let output: DemoOutput

    func trackCompletions(_ subscription: EventSubscription) async {
        var open: [String: [String]] = [:]
        for await delivery in subscription {
            switch delivery.event.payload {
            case .pipelineCreated(let pipeline):
                open[pipeline.pipelineId] = pipeline.jobIds
            case .jobCompleted(let job):
                await tally.completed(job.jobId, by: job.workerId)
                if let pipeline = job.pipelineId, let jobs = open[pipeline], await tally.isPipelineDone(jobs) {
                    open[pipeline] = nil
                    _ = try? await bus.publish(SystemEvent(tenant: tenant, .pipelineCompleted(PipelineCompleted(
                        pipelineId: pipeline, status: .succeeded, durationMs: 0))))
                    output.line("producer", "pipeline \(pipeline) completed")
                }
            default:
                break
            }
        }
    }

    func run() async throws {
        for p in 1...pipelines {
            let pipeline = "pl-\(p)"
            let jobs = (1...jobsPerPipeline).map { "\(pipeline)-job-\($0)" }
            try await bus.publish(SystemEvent(tenant: tenant, .pipelineCreated(PipelineCreated(
                pipelineId: pipeline, name: "build #\(p)", jobIds: jobs, trigger: "demo"))))
            try await bus.publish(SystemEvent(tenant: tenant, .pipelineStarted(PipelineStarted(pipelineId: pipeline))))
            var batch: [SystemEvent] = []
            for job in jobs {
                await tally.scheduled(job)
                batch.append(SystemEvent(tenant: tenant, .jobCreated(JobCreated(jobId: job, pipelineId: pipeline,
                                                                                name: job, command: ["make", "test"]))))
                batch.append(SystemEvent(tenant: tenant, .jobScheduled(JobScheduled(
                    jobId: job, pipelineId: pipeline, workerId: DemoWorker.group, attempt: 1))))
            }
            let failed = await bus.publish(batch: batch).filter { $0.error != nil }
            if let error = failed.first?.error { throw error }
            output.line("producer", "pipeline \(pipeline): \(jobsPerPipeline) jobs scheduled")
        }
    }
}
