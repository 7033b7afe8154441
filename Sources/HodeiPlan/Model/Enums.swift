/// Enumerations of the JetStream JSON API, spelled as on the wire.
public enum RetentionPolicy: String, Sendable, Codable, CaseIterable { case limits, interest, workqueue }
public enum StorageType: String, Sendable, Codable, CaseIterable { case file, memory }
public enum DiscardPolicy: String, Sendable, Codable, CaseIterable { case old, new }
public enum StoreCompression: String, Sendable, Codable, CaseIterable { case none, s2 }
public enum DeliverPolicy: String, Sendable, Codable, CaseIterable {
    case all, last, new
    case byStartSequence = "by_start_sequence"
    case byStartTime = "by_start_time"
    case lastPerSubject = "last_per_subject"
}
public enum AckPolicy: String, Sendable, Codable, CaseIterable { case none, all, explicit }
public enum ReplayPolicy: String, Sendable, Codable, CaseIterable { case instant, original }
public enum PriorityPolicy: String, Sendable, Codable, CaseIterable {
    case none, overflow, pinned
    case pinnedClient = "pinned_client"
    case prioritized
}
