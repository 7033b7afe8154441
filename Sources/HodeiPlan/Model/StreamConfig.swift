/// A stream configuration (`$JS.API.STREAM.*` `config`). Unknown keys are kept in `fields`.
public struct StreamConfig: JSONObjectBacked {
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) { self.fields = fields }

    public init(name: String) { self.fields = ["name": .string(name)] }

    public var name: String? {
        get { string("name") }
        set { setString("name", newValue) }
    }

    public var subjects: [String]? {
        get { strings("subjects") }
        set { setStrings("subjects", newValue) }
    }

    public var retention: RetentionPolicy? {
        get { enumValue("retention", as: RetentionPolicy.self) }
        set { setEnum("retention", newValue) }
    }

    public var storage: StorageType? {
        get { enumValue("storage", as: StorageType.self) }
        set { setEnum("storage", newValue) }
    }

    public var maxMsgs: Int64? {
        get { int("max_msgs") }
        set { setInt("max_msgs", newValue) }
    }

    public var maxBytes: Int64? {
        get { int("max_bytes") }
        set { setInt("max_bytes", newValue) }
    }

    /// Nanoseconds on the wire.
    public var maxAge: Int64? {
        get { int("max_age") }
        set { setInt("max_age", newValue) }
    }

    public var maxMsgSize: Int64? {
        get { int("max_msg_size") }
        set { setInt("max_msg_size", newValue) }
    }

    public var maxMsgsPerSubject: Int64? {
        get { int("max_msgs_per_subject") }
        set { setInt("max_msgs_per_subject", newValue) }
    }

    public var maxConsumers: Int64? {
        get { int("max_consumers") }
        set { setInt("max_consumers", newValue) }
    }

    public var discard: DiscardPolicy? {
        get { enumValue("discard", as: DiscardPolicy.self) }
        set { setEnum("discard", newValue) }
    }

    public var discardNewPerSubject: Bool? {
        get { bool("discard_new_per_subject") }
        set { setBool("discard_new_per_subject", newValue) }
    }

    public var numReplicas: Int64? {
        get { int("num_replicas") }
        set { setInt("num_replicas", newValue) }
    }

    /// Nanoseconds on the wire.
    public var duplicateWindow: Int64? {
        get { int("duplicate_window") }
        set { setInt("duplicate_window", newValue) }
    }

    public var description: String? {
        get { string("description") }
        set { setString("description", newValue) }
    }

    public var compression: StoreCompression? {
        get { enumValue("compression", as: StoreCompression.self) }
        set { setEnum("compression", newValue) }
    }

    public var metadata: [String: String]? {
        get { stringMap("metadata") }
        set { setStringMap("metadata", newValue) }
    }

    public var allowDirect: Bool? {
        get { bool("allow_direct") }
        set { setBool("allow_direct", newValue) }
    }

    public var mirrorDirect: Bool? {
        get { bool("mirror_direct") }
        set { setBool("mirror_direct", newValue) }
    }

    public var denyDelete: Bool? {
        get { bool("deny_delete") }
        set { setBool("deny_delete", newValue) }
    }

    public var denyPurge: Bool? {
        get { bool("deny_purge") }
        set { setBool("deny_purge", newValue) }
    }

    public var allowRollupHdrs: Bool? {
        get { bool("allow_rollup_hdrs") }
        set { setBool("allow_rollup_hdrs", newValue) }
    }

    public var allowMsgTTL: Bool? {
        get { bool("allow_msg_ttl") }
        set { setBool("allow_msg_ttl", newValue) }
    }

    /// Nanoseconds on the wire.
    public var subjectDeleteMarkerTTL: Int64? {
        get { int("subject_delete_marker_ttl") }
        set { setInt("subject_delete_marker_ttl", newValue) }
    }

    public var firstSeq: Int64? {
        get { int("first_seq") }
        set { setInt("first_seq", newValue) }
    }

    public var noAck: Bool? {
        get { bool("no_ack") }
        set { setBool("no_ack", newValue) }
    }

    public var subjectTransform: JSONValue? {
        get { fields["subject_transform"] }
        set { fields["subject_transform"] = newValue }
    }

    public var consumerLimits: JSONValue? {
        get { fields["consumer_limits"] }
        set { fields["consumer_limits"] = newValue }
    }

    public var placement: JSONValue? {
        get { fields["placement"] }
        set { fields["placement"] = newValue }
    }

    public var republish: JSONValue? {
        get { fields["republish"] }
        set { fields["republish"] = newValue }
    }

    public var sealed: Bool? {
        get { bool("sealed") }
        set { setBool("sealed", newValue) }
    }

    public var mirror: JSONValue? {
        get { fields["mirror"] }
        set { fields["mirror"] = newValue }
    }

    public var sources: JSONValue? {
        get { fields["sources"] }
        set { fields["sources"] = newValue }
    }
}
