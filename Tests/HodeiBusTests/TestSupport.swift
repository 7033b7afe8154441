import Foundation
import HodeiBus

struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    let what: String
    var description: String { "timed out after \(seconds)s waiting for \(what)" }
}

/// Runs `body`, failing with `TimedOut` if it takes longer than `seconds` (every wait is bounded).
func within<T: Sendable>(_ seconds: Double = 10, _ what: String = "the operation",
                         _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw TimedOut(seconds: seconds, what: what)
        }
        return value
    }
}

extension EventSubscription {
    /// The next `count` deliveries (bounded wait); fewer if the subscription ends first.
    func take(_ count: Int, seconds: Double = 10) async throws -> [EventDelivery] {
        try await within(seconds, "\(count) deliveries") {
            var out: [EventDelivery] = []
            guard count > 0 else { return out }
            for await delivery in self {
                out.append(delivery)
                if out.count == count { break }
            }
            return out
        }
    }

    /// Everything until the subscription ends (bounded wait).
    func drain(seconds: Double = 10) async throws -> [EventDelivery] {
        try await within(seconds, "the subscription to end") {
            var out: [EventDelivery] = []
            for await delivery in self { out.append(delivery) }
            return out
        }
    }
}

/// Events numbered through `JobStarted.attempt`, so order and identity are easy to check.
func numbered(_ n: Int, kind: EventKind = .jobStarted, tenant: String = "acme") -> SystemEvent {
    let payload: SystemEvent.Payload = switch kind {
    case .jobCreated: .jobCreated(JobCreated(jobId: "job-\(n)", name: "n\(n)"))
    case .jobScheduled: .jobScheduled(JobScheduled(jobId: "job-\(n)", workerId: "w", attempt: n))
    case .jobStarted: .jobStarted(JobStarted(jobId: "job-\(n)", workerId: "w", attempt: n))
    case .jobCompleted: .jobCompleted(JobCompleted(jobId: "job-\(n)", workerId: "w", durationMs: Int64(n)))
    case .jobFailed: .jobFailed(JobFailed(jobId: "job-\(n)", reason: "r\(n)"))
    case .workerConnected: .workerConnected(WorkerConnected(workerId: "w\(n)", hostname: "h"))
    case .workerDisconnected: .workerDisconnected(WorkerDisconnected(workerId: "w\(n)"))
    case .workerHeartbeat: .workerHeartbeat(WorkerHeartbeat(workerId: "w\(n)", runningJobs: n, load: 0.5))
    case .logChunkReceived: .logChunkReceived(LogChunkReceived(jobId: "job-\(n)", stream: .stdout, sequence: UInt64(n), data: Data()))
    case .pipelineCreated: .pipelineCreated(PipelineCreated(pipelineId: "p\(n)", name: "n"))
    case .pipelineStarted: .pipelineStarted(PipelineStarted(pipelineId: "p\(n)"))
    case .pipelineCompleted: .pipelineCompleted(PipelineCompleted(pipelineId: "p\(n)", status: .succeeded, durationMs: 1))
    }
    return SystemEvent(tenant: tenant, payload)
}

extension EventDelivery {
    /// The number given to `numbered(_:)`.
    var number: Int? {
        switch event.payload {
        case .jobStarted(let p): p.attempt
        case .jobScheduled(let p): p.attempt
        case .jobCreated(let p): Int(p.name.dropFirst())
        default: nil
        }
    }
}
