import Foundation

/// One Hodei Pipelines event: a common header (id, tenant, time) and one of twelve payloads.
///
/// Wire format (docs/events.md): one flat JSON object, `type` discriminator (= `EventKind` raw
/// value = subject suffix), `event_id` (lowercase UUID), `tenant`, `occurred_at` (ISO-8601 UTC,
/// microseconds), then the payload's snake_case fields. Unknown fields are ignored when decoding.
public struct SystemEvent: Sendable, Hashable {
    /// Unique per event; NatsBus uses it as `Nats-Msg-Id`, so a retried publish is stored once.
    public let id: UUID
    public let tenant: String
    /// UTC instant, normalised to whole microseconds (what the wire carries).
    public let occurredAt: Date
    public let payload: Payload

    public init(id: UUID = UUID(), tenant: String, occurredAt: Date = Date(), _ payload: Payload) {
        self.id = id
        self.tenant = tenant
        self.occurredAt = UTCTimestamp.normalized(occurredAt)
        self.payload = payload
    }

    public var kind: EventKind { payload.kind }

    /// `indirect`: a delivery copies the event once per subscriber; boxing keeps that copy one
    /// retain instead of a retain per string field.
    public indirect enum Payload: Sendable, Hashable {
        case jobCreated(JobCreated)
        case jobScheduled(JobScheduled)
        case jobStarted(JobStarted)
        case jobCompleted(JobCompleted)
        case jobFailed(JobFailed)
        case workerConnected(WorkerConnected)
        case workerDisconnected(WorkerDisconnected)
        case workerHeartbeat(WorkerHeartbeat)
        case logChunkReceived(LogChunkReceived)
        case pipelineCreated(PipelineCreated)
        case pipelineStarted(PipelineStarted)
        case pipelineCompleted(PipelineCompleted)

        public var kind: EventKind {
            switch self {
            case .jobCreated: .jobCreated
            case .jobScheduled: .jobScheduled
            case .jobStarted: .jobStarted
            case .jobCompleted: .jobCompleted
            case .jobFailed: .jobFailed
            case .workerConnected: .workerConnected
            case .workerDisconnected: .workerDisconnected
            case .workerHeartbeat: .workerHeartbeat
            case .logChunkReceived: .logChunkReceived
            case .pipelineCreated: .pipelineCreated
            case .pipelineStarted: .pipelineStarted
            case .pipelineCompleted: .pipelineCompleted
            }
        }
    }
}

extension SystemEvent: Codable {
    enum HeaderKeys: String, CodingKey {
        case type
        case eventId = "event_id"
        case tenant
        case occurredAt = "occurred_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var header = encoder.container(keyedBy: HeaderKeys.self)
        try header.encode(kind.rawValue, forKey: .type)
        try header.encode(id.uuidString.lowercased(), forKey: .eventId)
        try header.encode(tenant, forKey: .tenant)
        try header.encode(UTCTimestamp.format(occurredAt), forKey: .occurredAt)
        // Payload fields go into the same (flat) object.
        switch payload {
        case .jobCreated(let p): try p.encode(to: encoder)
        case .jobScheduled(let p): try p.encode(to: encoder)
        case .jobStarted(let p): try p.encode(to: encoder)
        case .jobCompleted(let p): try p.encode(to: encoder)
        case .jobFailed(let p): try p.encode(to: encoder)
        case .workerConnected(let p): try p.encode(to: encoder)
        case .workerDisconnected(let p): try p.encode(to: encoder)
        case .workerHeartbeat(let p): try p.encode(to: encoder)
        case .logChunkReceived(let p): try p.encode(to: encoder)
        case .pipelineCreated(let p): try p.encode(to: encoder)
        case .pipelineStarted(let p): try p.encode(to: encoder)
        case .pipelineCompleted(let p): try p.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let header = try decoder.container(keyedBy: HeaderKeys.self)
        let typeName = try header.decode(String.self, forKey: .type)
        guard let kind = EventKind(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: header,
                debugDescription: "unknown event type '\(typeName)'; expected one of "
                    + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let idText = try header.decode(String.self, forKey: .eventId)
        guard let id = UUID(uuidString: idText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .eventId, in: header, debugDescription: "'\(idText)' is not a UUID")
        }
        let timeText = try header.decode(String.self, forKey: .occurredAt)
        guard let occurredAt = UTCTimestamp.parse(timeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .occurredAt, in: header,
                debugDescription: "'\(timeText)' is not an ISO-8601 UTC timestamp like 2026-01-31T12:00:00.000000Z")
        }
        let payload: Payload = switch kind {
        case .jobCreated: .jobCreated(try JobCreated(from: decoder))
        case .jobScheduled: .jobScheduled(try JobScheduled(from: decoder))
        case .jobStarted: .jobStarted(try JobStarted(from: decoder))
        case .jobCompleted: .jobCompleted(try JobCompleted(from: decoder))
        case .jobFailed: .jobFailed(try JobFailed(from: decoder))
        case .workerConnected: .workerConnected(try WorkerConnected(from: decoder))
        case .workerDisconnected: .workerDisconnected(try WorkerDisconnected(from: decoder))
        case .workerHeartbeat: .workerHeartbeat(try WorkerHeartbeat(from: decoder))
        case .logChunkReceived: .logChunkReceived(try LogChunkReceived(from: decoder))
        case .pipelineCreated: .pipelineCreated(try PipelineCreated(from: decoder))
        case .pipelineStarted: .pipelineStarted(try PipelineStarted(from: decoder))
        case .pipelineCompleted: .pipelineCompleted(try PipelineCompleted(from: decoder))
        }
        self.init(id: id, tenant: try header.decode(String.self, forKey: .tenant), occurredAt: occurredAt, payload)
    }
}
