/// A JetStream stream as declared; nil fields take the server default.
/// Durations are nanoseconds, sizes bytes, -1 = unlimited (as on the wire).
public struct Stream: Sendable, Equatable {
    public enum Storage: String, Sendable { case file, memory }
    public enum Retention: String, Sendable { case limits, interest, workqueue }
    public enum Discard: String, Sendable { case old, new }
    public enum Compression: String, Sendable { case none, s2 }
    public enum PersistMode: String, Sendable { case `default`, async }

    public struct Placement: Sendable, Equatable {
        public let cluster: String?
        public let tags: [String]
    }

    public struct Source: Sendable, Equatable {
        public let name: String
        public let filterSubject: String?
        public let optStartSeq: Int64?
        public let optStartTime: String?
    }

    public struct Republish: Sendable, Equatable {
        public let source: String?
        public let destination: String
        public let headersOnly: Bool?
    }

    public struct SubjectTransform: Sendable, Equatable {
        public let source: String?
        public let destination: String
    }

    public struct ConsumerLimits: Sendable, Equatable {
        public let inactiveThreshold: Int64?
        public let maxAckPending: Int64?
    }

    public let name: String
    public let description: String?
    public let subjects: [String]
    public let storage: Storage
    public let retention: Retention
    public let discard: Discard?
    public let discardNewPerSubject: Bool?
    public let maxMsgs: Int64?
    public let maxBytes: Int64?
    public let maxAge: Int64?
    public let maxMsgSize: Int64?
    public let maxMsgsPerSubject: Int64?
    public let maxConsumers: Int64?
    public let replicas: Int
    public let noAck: Bool?
    public let duplicateWindow: Int64?
    public let placement: Placement?
    public let mirror: Source?
    public let sources: [Source]
    public let sealed: Bool?
    public let denyDelete: Bool?
    public let denyPurge: Bool?
    public let allowRollup: Bool?
    public let republish: Republish?
    public let allowDirect: Bool?
    public let mirrorDirect: Bool?
    public let compression: Compression?
    public let firstSeq: Int64?
    public let subjectTransform: SubjectTransform?
    public let consumerLimits: ConsumerLimits?
    public let metadata: [String: String]
    public let allowMsgTTL: Bool?
    public let subjectDeleteMarkerTTL: Int64?
    public let allowMsgCounter: Bool?
    public let allowAtomic: Bool?
    public let allowMsgSchedules: Bool?
    public let persistMode: PersistMode?
    public let allowBatched: Bool?
    /// The tool never deletes or replaces this stream.
    public let preventDelete: Bool
    /// Sorted by name.
    public let consumers: [Consumer]

    public func consumer(named name: String) -> Consumer? { consumers.first { $0.name == name } }
}
