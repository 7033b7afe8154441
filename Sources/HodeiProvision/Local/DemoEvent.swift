import Foundation
import HodeiBus

/// A plausible event of each kind for `demo`, tagged as coming from the demo.
enum DemoEvent {
    static func make(_ kind: EventKind, tenant: String) -> SystemEvent {
        let job = "demo-job-1", pipeline = "demo-pipeline-1", worker = "demo-worker-1"
        let payload: SystemEvent.Payload = switch kind {
        case .jobCreated: .jobCreated(JobCreated(jobId: job, pipelineId: pipeline, name: "hodei-provision demo", command: ["true"]))
        case .jobScheduled: .jobScheduled(JobScheduled(jobId: job, pipelineId: pipeline, workerId: worker))
        case .jobStarted: .jobStarted(JobStarted(jobId: job, pipelineId: pipeline, workerId: worker))
        case .jobCompleted: .jobCompleted(JobCompleted(jobId: job, pipelineId: pipeline, workerId: worker, durationMs: 1))
        case .jobFailed: .jobFailed(JobFailed(jobId: job, pipelineId: pipeline, workerId: worker, reason: "demo"))
        case .workerConnected: .workerConnected(WorkerConnected(workerId: worker, hostname: "localhost"))
        case .workerDisconnected: .workerDisconnected(WorkerDisconnected(workerId: worker, reason: "demo"))
        case .workerHeartbeat: .workerHeartbeat(WorkerHeartbeat(workerId: worker, runningJobs: 0, load: 0))
        case .logChunkReceived:
            .logChunkReceived(LogChunkReceived(jobId: job, workerId: worker, stream: .stdout, sequence: 1, data: Data("demo\n".utf8)))
        case .pipelineCreated: .pipelineCreated(PipelineCreated(pipelineId: pipeline, name: "hodei-provision demo", jobIds: [job]))
        case .pipelineStarted: .pipelineStarted(PipelineStarted(pipelineId: pipeline))
        case .pipelineCompleted: .pipelineCompleted(PipelineCompleted(pipelineId: pipeline, status: .succeeded, durationMs: 1))
        }
        return SystemEvent(tenant: tenant, payload)
    }
}
