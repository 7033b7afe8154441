// Payloads of the `worker.*` events (wire names: docs/events.md).

/// A worker agent connected and advertised what it can run.
public struct WorkerConnected: Sendable, Hashable, Codable {
    public var workerId: String
    public var hostname: String
    public var capabilities: [String]
    public var labels: [String: String]
    public var maxConcurrentJobs: Int
    public var agentVersion: String?

    public init(workerId: String, hostname: String, capabilities: [String] = [], labels: [String: String] = [:],
                maxConcurrentJobs: Int = 1, agentVersion: String? = nil) {
        self.workerId = workerId
        self.hostname = hostname
        self.capabilities = capabilities
        self.labels = labels
        self.maxConcurrentJobs = maxConcurrentJobs
        self.agentVersion = agentVersion
    }

    enum CodingKeys: String, CodingKey {
        case workerId = "worker_id", hostname, capabilities, labels
        case maxConcurrentJobs = "max_concurrent_jobs", agentVersion = "agent_version"
    }
}

/// A worker left (orderly shutdown, or declared lost after missed heartbeats).
public struct WorkerDisconnected: Sendable, Hashable, Codable {
    public var workerId: String
    public var reason: String?

    public init(workerId: String, reason: String? = nil) {
        self.workerId = workerId
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case workerId = "worker_id", reason
    }
}

/// Periodic liveness and load report of a worker.
public struct WorkerHeartbeat: Sendable, Hashable, Codable {
    public var workerId: String
    public var runningJobs: Int
    /// One-minute load average divided by CPU count (1.0 = fully busy).
    public var load: Double
    public var memoryUsedBytes: UInt64?

    public init(workerId: String, runningJobs: Int, load: Double, memoryUsedBytes: UInt64? = nil) {
        self.workerId = workerId
        self.runningJobs = runningJobs
        self.load = load
        self.memoryUsedBytes = memoryUsedBytes
    }

    enum CodingKeys: String, CodingKey {
        case workerId = "worker_id", runningJobs = "running_jobs", load, memoryUsedBytes = "memory_used_bytes"
    }
}
