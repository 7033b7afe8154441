extension SystemEvent {
    /// The wire JSON of docs/events.md, keys in sorted order (the header keys `event_id`,
    /// `occurred_at`, `tenant`, `type` interleaved with the payload's).
    func writeJSON(into w: inout JSONWriter) {
        w.beginObject()
        switch payload {
        case .jobCreated(let p):
            w.field("command", p.command)
            header1(&w)
            w.field("job_id", p.jobId)
            w.field("name", p.name)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            w.field("required_capabilities", p.requiredCapabilities)
            w.field("tenant", tenant)
            w.field("timeout_seconds", p.timeoutSeconds)
            w.field("type", kind.rawValue)
        case .jobScheduled(let p):
            writeJobAssignment(&w, jobId: p.jobId, pipelineId: p.pipelineId, workerId: p.workerId, attempt: p.attempt)
        case .jobStarted(let p):
            writeJobAssignment(&w, jobId: p.jobId, pipelineId: p.pipelineId, workerId: p.workerId, attempt: p.attempt)
        case .jobCompleted(let p):
            w.field("duration_ms", p.durationMs)
            header1(&w)
            w.field("exit_code", p.exitCode)
            w.field("job_id", p.jobId)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .jobFailed(let p):
            w.field("duration_ms", p.durationMs)
            header1(&w)
            w.field("exit_code", p.exitCode)
            w.field("job_id", p.jobId)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            w.field("reason", p.reason)
            w.field("retryable", p.retryable)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .workerConnected(let p):
            w.field("agent_version", p.agentVersion)
            w.field("capabilities", p.capabilities)
            header1(&w)
            w.field("hostname", p.hostname)
            w.field("labels", p.labels)
            w.field("max_concurrent_jobs", p.maxConcurrentJobs)
            w.field("occurred_at", timestamp: occurredAt)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .workerDisconnected(let p):
            header1(&w)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("reason", p.reason)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .workerHeartbeat(let p):
            header1(&w)
            w.field("load", p.load)
            w.field("memory_used_bytes", p.memoryUsedBytes)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("running_jobs", p.runningJobs)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .logChunkReceived(let p):
            w.field("data", base64: p.data)
            header1(&w)
            w.field("job_id", p.jobId)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("sequence", p.sequence)
            w.field("stream", p.stream.rawValue)
            header2(&w)
            w.field("worker_id", p.workerId)
        case .pipelineCreated(let p):
            header1(&w)
            w.field("job_ids", p.jobIds)
            w.field("name", p.name)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            w.field("tenant", tenant)
            w.field("trigger", p.trigger)
            w.field("type", kind.rawValue)
        case .pipelineStarted(let p):
            header1(&w)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            header2(&w)
        case .pipelineCompleted(let p):
            w.field("duration_ms", p.durationMs)
            header1(&w)
            w.field("occurred_at", timestamp: occurredAt)
            w.field("pipeline_id", p.pipelineId)
            w.field("status", p.status.rawValue)
            header2(&w)
        }
        w.endObject()
    }

    private func writeJobAssignment(_ w: inout JSONWriter, jobId: String, pipelineId: String?, workerId: String, attempt: Int) {
        w.field("attempt", attempt)
        header1(&w)
        w.field("job_id", jobId)
        w.field("occurred_at", timestamp: occurredAt)
        w.field("pipeline_id", pipelineId)
        header2(&w)
        w.field("worker_id", workerId)
    }

    private func header1(_ w: inout JSONWriter) {
        w.field("event_id", uuid: id)
    }

    private func header2(_ w: inout JSONWriter) {
        w.field("tenant", tenant)
        w.field("type", kind.rawValue)
    }
}
