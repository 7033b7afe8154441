import Foundation

extension SystemEvent {
    /// Builds an event from a parsed wire object (docs/events.md). Unknown keys are ignored.
    /// Errors read like `missing field 'job_id'` or `field 'attempt' must be an integer`.
    init(json: JSONReader.Value) throws(FieldError) {
        guard case .object(let object) = json else { throw FieldError("the message is not a JSON object") }
        let f = Fields(object: object)
        let typeName = try f.string("type")
        guard let kind = EventKind(rawValue: typeName) else {
            throw FieldError("unknown event type '\(typeName)'; expected one of "
                + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let idText = try f.string("event_id")
        guard let id = UUID(uuidString: idText) else { throw FieldError("'\(idText)' is not a UUID at event_id") }
        let timeText = try f.string("occurred_at")
        guard let occurredAt = UTCTimestamp.parse(timeText) else {
            throw FieldError("'\(timeText)' is not an ISO-8601 UTC timestamp like 2026-01-31T12:00:00.000000Z at occurred_at")
        }
        let payload: Payload
        switch kind {
        case .jobCreated:
            payload = .jobCreated(JobCreated(
                jobId: try f.string("job_id"), pipelineId: try f.optionalString("pipeline_id"), name: try f.string("name"),
                command: try f.strings("command"), requiredCapabilities: try f.strings("required_capabilities"),
                timeoutSeconds: try f.optionalInteger("timeout_seconds")))
        case .jobScheduled:
            payload = .jobScheduled(JobScheduled(
                jobId: try f.string("job_id"), pipelineId: try f.optionalString("pipeline_id"),
                workerId: try f.string("worker_id"), attempt: try f.integer("attempt")))
        case .jobStarted:
            payload = .jobStarted(JobStarted(
                jobId: try f.string("job_id"), pipelineId: try f.optionalString("pipeline_id"),
                workerId: try f.string("worker_id"), attempt: try f.integer("attempt")))
        case .jobCompleted:
            payload = .jobCompleted(JobCompleted(
                jobId: try f.string("job_id"), pipelineId: try f.optionalString("pipeline_id"),
                workerId: try f.string("worker_id"), exitCode: try f.integer("exit_code"),
                durationMs: try f.integer("duration_ms")))
        case .jobFailed:
            payload = .jobFailed(JobFailed(
                jobId: try f.string("job_id"), pipelineId: try f.optionalString("pipeline_id"),
                workerId: try f.optionalString("worker_id"), exitCode: try f.optionalInteger("exit_code"),
                reason: try f.string("reason"), durationMs: try f.optionalInteger("duration_ms"),
                retryable: try f.bool("retryable")))
        case .workerConnected:
            payload = .workerConnected(WorkerConnected(
                workerId: try f.string("worker_id"), hostname: try f.string("hostname"),
                capabilities: try f.strings("capabilities"), labels: try f.labels("labels"),
                maxConcurrentJobs: try f.integer("max_concurrent_jobs"), agentVersion: try f.optionalString("agent_version")))
        case .workerDisconnected:
            payload = .workerDisconnected(WorkerDisconnected(
                workerId: try f.string("worker_id"), reason: try f.optionalString("reason")))
        case .workerHeartbeat:
            payload = .workerHeartbeat(WorkerHeartbeat(
                workerId: try f.string("worker_id"), runningJobs: try f.integer("running_jobs"),
                load: try f.double("load"), memoryUsedBytes: try f.optionalInteger("memory_used_bytes")))
        case .logChunkReceived:
            let streamName = try f.string("stream")
            guard let stream = LogStream(rawValue: streamName) else {
                throw FieldError("field 'stream' must be \"stdout\" or \"stderr\", not '\(streamName)'")
            }
            let base64 = try f.string("data")
            guard let data = Data(base64Encoded: base64) else { throw FieldError("field 'data' is not valid base64") }
            payload = .logChunkReceived(LogChunkReceived(
                jobId: try f.string("job_id"), workerId: try f.optionalString("worker_id"), stream: stream,
                sequence: try f.integer("sequence"), data: data))
        case .pipelineCreated:
            payload = .pipelineCreated(PipelineCreated(
                pipelineId: try f.string("pipeline_id"), name: try f.string("name"),
                jobIds: try f.strings("job_ids"), trigger: try f.optionalString("trigger")))
        case .pipelineStarted:
            payload = .pipelineStarted(PipelineStarted(pipelineId: try f.string("pipeline_id")))
        case .pipelineCompleted:
            let statusName = try f.string("status")
            guard let status = PipelineStatus(rawValue: statusName) else {
                throw FieldError("field 'status' must be succeeded, failed or cancelled, not '\(statusName)'")
            }
            payload = .pipelineCompleted(PipelineCompleted(
                pipelineId: try f.string("pipeline_id"), status: status, durationMs: try f.integer("duration_ms")))
        }
        self.init(id: id, tenant: try f.string("tenant"), occurredAt: occurredAt, payload)
    }

    struct FieldError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Typed access to the members of the wire object.
    private struct Fields {
        let object: [String: JSONReader.Value]

        func string(_ key: String) throws(FieldError) -> String {
            guard let value = try optionalString(key) else { throw FieldError("missing field '\(key)'") }
            return value
        }

        func optionalString(_ key: String) throws(FieldError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw FieldError("field '\(key)' must be a string")
            }
        }

        func integer<I: FixedWidthInteger>(_ key: String) throws(FieldError) -> I {
            guard let value: I = try optionalInteger(key) else { throw FieldError("missing field '\(key)'") }
            return value
        }

        func optionalInteger<I: FixedWidthInteger>(_ key: String) throws(FieldError) -> I? {
            switch object[key] {
            case nil, .null?: return nil
            case .number(let text)?:
                guard let value = I(text) else { throw FieldError("field '\(key)' must be an integer in range, not \(text)") }
                return value
            default: throw FieldError("field '\(key)' must be an integer")
            }
        }

        func double(_ key: String) throws(FieldError) -> Double {
            switch object[key] {
            case nil, .null?: throw FieldError("missing field '\(key)'")
            case .number(let text)?:
                guard let value = Double(text) else { throw FieldError("field '\(key)' must be a number") }
                return value
            default: throw FieldError("field '\(key)' must be a number")
            }
        }

        func bool(_ key: String) throws(FieldError) -> Bool {
            switch object[key] {
            case nil, .null?: throw FieldError("missing field '\(key)'")
            case .bool(let b)?: return b
            default: throw FieldError("field '\(key)' must be true or false")
            }
        }

        func strings(_ key: String) throws(FieldError) -> [String] {
            switch object[key] {
            case nil, .null?: throw FieldError("missing field '\(key)'")
            case .array(let values)?:
                var out: [String] = []
                out.reserveCapacity(values.count)
                for value in values {
                    guard case .string(let s) = value else { throw FieldError("field '\(key)' must be an array of strings") }
                    out.append(s)
                }
                return out
            default: throw FieldError("field '\(key)' must be an array of strings")
            }
        }

        func labels(_ key: String) throws(FieldError) -> [String: String] {
            switch object[key] {
            case nil, .null?: throw FieldError("missing field '\(key)'")
            case .object(let members)?:
                var out: [String: String] = [:]
                for (name, value) in members {
                    guard case .string(let s) = value else { throw FieldError("field '\(key)' must map strings to strings") }
                    out[name] = s
                }
                return out
            default: throw FieldError("field '\(key)' must be an object of strings")
            }
        }
    }
}
