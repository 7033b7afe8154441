// Payloads of the `job.*` events. Field names on the wire are the snake_case CodingKeys below and
// are part of the documented format (docs/events.md): renaming one is a breaking change.

/// A job was defined (by a pipeline or directly) and waits to be scheduled.
public struct JobCreated: Sendable, Hashable, Codable {
    public var jobId: String
    public var pipelineId: String?
    public var name: String
    /// Command line the worker runs (argv form).
    public var command: [String]
    /// Capabilities a worker must advertise to take the job (e.g. `linux`, `docker`).
    public var requiredCapabilities: [String]
    public var timeoutSeconds: Int?

    public init(jobId: String, pipelineId: String? = nil, name: String, command: [String] = [],
                requiredCapabilities: [String] = [], timeoutSeconds: Int? = nil) {
        self.jobId = jobId
        self.pipelineId = pipelineId
        self.name = name
        self.command = command
        self.requiredCapabilities = requiredCapabilities
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", pipelineId = "pipeline_id", name, command
        case requiredCapabilities = "required_capabilities", timeoutSeconds = "timeout_seconds"
    }
}

/// The scheduler assigned a job to a worker.
public struct JobScheduled: Sendable, Hashable, Codable {
    public var jobId: String
    public var pipelineId: String?
    public var workerId: String
    /// 1 for the first run, incremented on every retry of the job.
    public var attempt: Int

    public init(jobId: String, pipelineId: String? = nil, workerId: String, attempt: Int = 1) {
        self.jobId = jobId
        self.pipelineId = pipelineId
        self.workerId = workerId
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", pipelineId = "pipeline_id", workerId = "worker_id", attempt
    }
}

/// A worker began running a job.
public struct JobStarted: Sendable, Hashable, Codable {
    public var jobId: String
    public var pipelineId: String?
    public var workerId: String
    public var attempt: Int

    public init(jobId: String, pipelineId: String? = nil, workerId: String, attempt: Int = 1) {
        self.jobId = jobId
        self.pipelineId = pipelineId
        self.workerId = workerId
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", pipelineId = "pipeline_id", workerId = "worker_id", attempt
    }
}

/// A job's process exited with status 0.
public struct JobCompleted: Sendable, Hashable, Codable {
    public var jobId: String
    public var pipelineId: String?
    public var workerId: String
    public var exitCode: Int32
    public var durationMs: Int64

    public init(jobId: String, pipelineId: String? = nil, workerId: String, exitCode: Int32 = 0, durationMs: Int64) {
        self.jobId = jobId
        self.pipelineId = pipelineId
        self.workerId = workerId
        self.exitCode = exitCode
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", pipelineId = "pipeline_id", workerId = "worker_id"
        case exitCode = "exit_code", durationMs = "duration_ms"
    }
}

/// A job failed: non-zero exit, timeout, lost worker, or could not start (then no exit code).
public struct JobFailed: Sendable, Hashable, Codable {
    public var jobId: String
    public var pipelineId: String?
    public var workerId: String?
    public var exitCode: Int32?
    public var reason: String
    public var durationMs: Int64?
    /// Whether the scheduler may run the job again.
    public var retryable: Bool

    public init(jobId: String, pipelineId: String? = nil, workerId: String? = nil, exitCode: Int32? = nil,
                reason: String, durationMs: Int64? = nil, retryable: Bool = false) {
        self.jobId = jobId
        self.pipelineId = pipelineId
        self.workerId = workerId
        self.exitCode = exitCode
        self.reason = reason
        self.durationMs = durationMs
        self.retryable = retryable
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", pipelineId = "pipeline_id", workerId = "worker_id"
        case exitCode = "exit_code", reason, durationMs = "duration_ms", retryable
    }
}
