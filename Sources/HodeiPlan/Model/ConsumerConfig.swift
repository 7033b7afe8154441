/// A consumer configuration (`$JS.API.CONSUMER.*` `config`). Unknown keys are kept in `fields`.
public struct ConsumerConfig: JSONObjectBacked {
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) { self.fields = fields }

    /// A durable consumer: `durable_name` and `name` both set, as the server reports them.
    public init(durableName: String) { self.fields = ["durable_name": .string(durableName), "name": .string(durableName)] }

    /// The consumer's identity: `name`, else `durable_name`.
    public var resolvedName: String? { name ?? durableName }

    public var durableName: String? {
        get { string("durable_name") }
        set { setString("durable_name", newValue) }
    }

    public var name: String? {
        get { string("name") }
        set { setString("name", newValue) }
    }

    public var description: String? {
        get { string("description") }
        set { setString("description", newValue) }
    }

    public var deliverPolicy: DeliverPolicy? {
        get { enumValue("deliver_policy", as: DeliverPolicy.self) }
        set { setEnum("deliver_policy", newValue) }
    }

    public var optStartSeq: Int64? {
        get { int("opt_start_seq") }
        set { setInt("opt_start_seq", newValue) }
    }

    public var optStartTime: String? {
        get { string("opt_start_time") }
        set { setString("opt_start_time", newValue) }
    }

    public var ackPolicy: AckPolicy? {
        get { enumValue("ack_policy", as: AckPolicy.self) }
        set { setEnum("ack_policy", newValue) }
    }

    /// Nanoseconds on the wire.
    public var ackWait: Int64? {
        get { int("ack_wait") }
        set { setInt("ack_wait", newValue) }
    }

    public var maxDeliver: Int64? {
        get { int("max_deliver") }
        set { setInt("max_deliver", newValue) }
    }

    /// Nanoseconds on the wire.
    public var backoff: [Int64]? {
        get { ints("backoff") }
        set { setInts("backoff", newValue) }
    }

    public var filterSubject: String? {
        get { string("filter_subject") }
        set { setString("filter_subject", newValue) }
    }

    public var filterSubjects: [String]? {
        get { strings("filter_subjects") }
        set { setStrings("filter_subjects", newValue) }
    }

    public var replayPolicy: ReplayPolicy? {
        get { enumValue("replay_policy", as: ReplayPolicy.self) }
        set { setEnum("replay_policy", newValue) }
    }

    public var rateLimitBps: Int64? {
        get { int("rate_limit_bps") }
        set { setInt("rate_limit_bps", newValue) }
    }

    public var sampleFreq: String? {
        get { string("sample_freq") }
        set { setString("sample_freq", newValue) }
    }

    public var maxWaiting: Int64? {
        get { int("max_waiting") }
        set { setInt("max_waiting", newValue) }
    }

    public var maxAckPending: Int64? {
        get { int("max_ack_pending") }
        set { setInt("max_ack_pending", newValue) }
    }

    public var deliverSubject: String? {
        get { string("deliver_subject") }
        set { setString("deliver_subject", newValue) }
    }

    public var deliverGroup: String? {
        get { string("deliver_group") }
        set { setString("deliver_group", newValue) }
    }

    public var flowControl: Bool? {
        get { bool("flow_control") }
        set { setBool("flow_control", newValue) }
    }

    /// Nanoseconds on the wire.
    public var idleHeartbeat: Int64? {
        get { int("idle_heartbeat") }
        set { setInt("idle_heartbeat", newValue) }
    }

    public var headersOnly: Bool? {
        get { bool("headers_only") }
        set { setBool("headers_only", newValue) }
    }

    /// Nanoseconds on the wire.
    public var inactiveThreshold: Int64? {
        get { int("inactive_threshold") }
        set { setInt("inactive_threshold", newValue) }
    }

    public var maxBatch: Int64? {
        get { int("max_batch") }
        set { setInt("max_batch", newValue) }
    }

    /// Nanoseconds on the wire.
    public var maxExpires: Int64? {
        get { int("max_expires") }
        set { setInt("max_expires", newValue) }
    }

    public var maxBytes: Int64? {
        get { int("max_bytes") }
        set { setInt("max_bytes", newValue) }
    }

    public var numReplicas: Int64? {
        get { int("num_replicas") }
        set { setInt("num_replicas", newValue) }
    }

    public var memStorage: Bool? {
        get { bool("mem_storage") }
        set { setBool("mem_storage", newValue) }
    }

    public var metadata: [String: String]? {
        get { stringMap("metadata") }
        set { setStringMap("metadata", newValue) }
    }

    public var pauseUntil: String? {
        get { string("pause_until") }
        set { setString("pause_until", newValue) }
    }

    public var priorityGroups: [String]? {
        get { strings("priority_groups") }
        set { setStrings("priority_groups", newValue) }
    }

    public var priorityPolicy: PriorityPolicy? {
        get { enumValue("priority_policy", as: PriorityPolicy.self) }
        set { setEnum("priority_policy", newValue) }
    }

    /// Nanoseconds on the wire.
    public var priorityTimeout: Int64? {
        get { int("priority_timeout") }
        set { setInt("priority_timeout", newValue) }
    }
}
