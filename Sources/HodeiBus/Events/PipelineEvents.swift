// Payloads of the `pipeline.*` events (wire names: docs/events.md).

/// A pipeline run was created with its jobs.
public struct PipelineCreated: Sendable, Hashable, Codable {
    public var pipelineId: String
    public var name: String
    public var jobIds: [String]
    /// What started it: `push`, `schedule`, `manual`, ...
    public var trigger: String?

    public init(pipelineId: String, name: String, jobIds: [String] = [], trigger: String? = nil) {
        self.pipelineId = pipelineId
        self.name = name
        self.jobIds = jobIds
        self.trigger = trigger
    }

    enum CodingKeys: String, CodingKey {
        case pipelineId = "pipeline_id", name, jobIds = "job_ids", trigger
    }
}

/// The first job of a pipeline run started.
public struct PipelineStarted: Sendable, Hashable, Codable {
    public var pipelineId: String

    public init(pipelineId: String) {
        self.pipelineId = pipelineId
    }

    enum CodingKeys: String, CodingKey {
        case pipelineId = "pipeline_id"
    }
}

/// Final state of a pipeline run.
public enum PipelineStatus: String, Sendable, Hashable, Codable {
    case succeeded
    case failed
    case cancelled
}

/// A pipeline run finished.
public struct PipelineCompleted: Sendable, Hashable, Codable {
    public var pipelineId: String
    public var status: PipelineStatus
    public var durationMs: Int64

    public init(pipelineId: String, status: PipelineStatus, durationMs: Int64) {
        self.pipelineId = pipelineId
        self.status = status
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case pipelineId = "pipeline_id", status, durationMs = "duration_ms"
    }
}
