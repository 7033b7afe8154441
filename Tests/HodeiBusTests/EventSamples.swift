import Foundation
import HodeiBus

/// One fixed sample per event kind: fixed ids and times so the golden JSON is stable.
enum EventSamples {
    static let time = Date(timeIntervalSince1970: 1_795_000_000.123456) // 2026-11-18T11:06:40.123456Z

    static func event(_ n: Int, _ payload: SystemEvent.Payload) -> SystemEvent {
        SystemEvent(id: UUID(uuidString: String(format: "5A0C6F1E-0000-4000-8000-%012d", n))!,
                    tenant: "acme", occurredAt: time, payload)
    }

    static let all: [SystemEvent] = [
        event(1, .jobCreated(JobCreated(jobId: "job-42", pipelineId: "pl-7", name: "unit-tests",
                                        command: ["swift", "test", "--parallel"],
                                        requiredCapabilities: ["linux", "swift-6"], timeoutSeconds: 1800))),
        event(2, .jobScheduled(JobScheduled(jobId: "job-42", pipelineId: "pl-7", workerId: "worker-a", attempt: 1))),
        event(3, .jobStarted(JobStarted(jobId: "job-42", pipelineId: "pl-7", workerId: "worker-a", attempt: 1))),
        event(4, .jobCompleted(JobCompleted(jobId: "job-42", pipelineId: "pl-7", workerId: "worker-a",
                                            exitCode: 0, durationMs: 93_512))),
        event(5, .jobFailed(JobFailed(jobId: "job-43", pipelineId: "pl-7", workerId: "worker-b", exitCode: 137,
                                      reason: "killed: out of memory", durationMs: 4_010, retryable: true))),
        event(6, .workerConnected(WorkerConnected(workerId: "worker-a", hostname: "ci-runner-01.acme.internal",
                                                  capabilities: ["linux", "docker", "swift-6"],
                                                  labels: ["arch": "x86_64", "zone": "eu-west-1a"],
                                                  maxConcurrentJobs: 4, agentVersion: "1.2.0"))),
        event(7, .workerDisconnected(WorkerDisconnected(workerId: "worker-b", reason: "missed 3 heartbeats"))),
        event(8, .workerHeartbeat(WorkerHeartbeat(workerId: "worker-a", runningJobs: 2, load: 0.75,
                                                  memoryUsedBytes: 3_221_225_472))),
        event(9, .logChunkReceived(LogChunkReceived(jobId: "job-42", workerId: "worker-a", stream: .stderr,
                                                    sequence: 17, data: Data("warning: unused \"x\"\n\u{1F680}".utf8) + Data([0, 0xFF])))),
        event(10, .pipelineCreated(PipelineCreated(pipelineId: "pl-7", name: "main", jobIds: ["job-42", "job-43"],
                                                   trigger: "push"))),
        event(11, .pipelineStarted(PipelineStarted(pipelineId: "pl-7"))),
        event(12, .pipelineCompleted(PipelineCompleted(pipelineId: "pl-7", status: .failed, durationMs: 120_000))),
    ]
}
