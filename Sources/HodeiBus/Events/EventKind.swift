/// The twelve kinds of `SystemEvent`. The raw value is both the JSON `type` discriminator and the
/// subject suffix under the bus prefix (`hodei.events.` + raw value), so the two can never drift.
public enum EventKind: String, Sendable, Hashable, CaseIterable, Codable {
    case jobCreated = "job.created"
    case jobScheduled = "job.scheduled"
    case jobStarted = "job.started"
    case jobCompleted = "job.completed"
    case jobFailed = "job.failed"
    case workerConnected = "worker.connected"
    case workerDisconnected = "worker.disconnected"
    case workerHeartbeat = "worker.heartbeat"
    case logChunkReceived = "log.chunk"
    case pipelineCreated = "pipeline.created"
    case pipelineStarted = "pipeline.started"
    case pipelineCompleted = "pipeline.completed"

    /// Dense index (0..<12) used for per-subscriber bit masks on the hot path.
    @inlinable
    public var index: Int {
        switch self {
        case .jobCreated: 0
        case .jobScheduled: 1
        case .jobStarted: 2
        case .jobCompleted: 3
        case .jobFailed: 4
        case .workerConnected: 5
        case .workerDisconnected: 6
        case .workerHeartbeat: 7
        case .logChunkReceived: 8
        case .pipelineCreated: 9
        case .pipelineStarted: 10
        case .pipelineCompleted: 11
        }
    }
}
