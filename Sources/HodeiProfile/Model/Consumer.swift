/// A durable JetStream consumer as declared; nil fields take the server default.
public struct Consumer: Sendable, Equatable {
    public enum Kind: String, Sendable { case pull, push }
    public enum DeliverPolicy: String, Sendable {
        case all, last, new
        case byStartSequence = "by_start_sequence"
        case byStartTime = "by_start_time"
        case lastPerSubject = "last_per_subject"
    }
    public enum AckPolicy: String, Sendable { case none, all, explicit }
    public enum ReplayPolicy: String, Sendable { case instant, original }
    public enum PriorityPolicy: String, Sendable {
        case none, overflow, prioritized
        case pinnedClient = "pinned_client"
    }

    public let name: String
    public let description: String?
    /// `filter` (one subject) and `filters` (several) folded together; empty = the whole stream.
    public let filterSubjects: [String]
    public let deliverSubject: String?
    public let deliverGroup: String?
    public let deliverPolicy: DeliverPolicy
    public let optStartSeq: Int64?
    public let optStartTime: String?
    public let ackPolicy: AckPolicy
    public let ackWait: Int64?
    public let maxDeliver: Int64?
    public let backoff: [Int64]
    public let replayPolicy: ReplayPolicy?
    public let rateLimitBps: Int64?
    public let sampleFrequency: String?
    public let maxWaiting: Int64?
    public let maxAckPending: Int64?
    public let flowControl: Bool?
    public let idleHeartbeat: Int64?
    public let headersOnly: Bool?
    public let maxBatch: Int64?
    public let maxExpires: Int64?
    public let maxBytes: Int64?
    public let inactiveThreshold: Int64?
    public let replicas: Int?
    public let memoryStorage: Bool?
    public let metadata: [String: String]
    public let pauseUntil: String?
    public let priorityGroups: [String]
    public let priorityPolicy: PriorityPolicy?
    public let priorityTimeout: Int64?
    public let preventDelete: Bool

    /// Push when it has a deliver subject, pull otherwise.
    public var kind: Kind { deliverSubject == nil ? .pull : .push }
}
