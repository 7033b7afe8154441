/// How one JetStream config field is written in a profile: its key there and the value's form.
struct ExportField: Sendable {
    enum Form: Sendable {
        /// Strings, booleans and integers as they are.
        case plain
        /// Nanoseconds → `30s`, `7d`.
        case duration
        /// A list of nanoseconds → `[1s, 5s]`.
        case durations
        /// Bytes → `1GiB`; -1 → `unlimited`.
        case size
        /// Integer; -1 → `unlimited`.
        case count
        /// A list of strings.
        case strings
        /// String → string map (metadata).
        case stringMap
        /// A nested mapping with its own fields.
        case mapping([ExportField])
        /// A list of nested mappings (sources).
        case mappings([ExportField])
    }

    let jsonKey: String
    let profileKey: String
    let form: Form

    init(_ jsonKey: String, _ profileKey: String? = nil, _ form: Form = .plain) {
        self.jsonKey = jsonKey
        self.profileKey = profileKey ?? jsonKey
        self.form = form
    }

    private static let origin: [ExportField] = [
        ExportField("name"), ExportField("filter_subject"), ExportField("opt_start_seq"), ExportField("opt_start_time"),
    ]

    /// Stream fields in the order the profile reference lists them.
    static let stream: [ExportField] = [
        ExportField("description"),
        ExportField("subjects", nil, .strings),
        ExportField("storage"), ExportField("retention"), ExportField("discard"), ExportField("discard_new_per_subject"),
        ExportField("max_msgs", nil, .count), ExportField("max_bytes", nil, .size), ExportField("max_age", nil, .duration),
        ExportField("max_msg_size", nil, .size), ExportField("max_msgs_per_subject", nil, .count),
        ExportField("max_consumers", nil, .count),
        ExportField("num_replicas", "replicas"),
        ExportField("no_ack"),
        ExportField("duplicate_window", nil, .duration),
        ExportField("placement", nil, .mapping([ExportField("cluster"), ExportField("tags", nil, .strings)])),
        ExportField("mirror", nil, .mapping(origin)),
        ExportField("sources", nil, .mappings(origin)),
        ExportField("sealed"), ExportField("deny_delete"), ExportField("deny_purge"),
        ExportField("allow_rollup_hdrs", "allow_rollup"),
        ExportField("republish", nil, .mapping([ExportField("src"), ExportField("dest"), ExportField("headers_only")])),
        ExportField("allow_direct"), ExportField("mirror_direct"),
        ExportField("compression"), ExportField("first_seq"),
        ExportField("subject_transform", nil, .mapping([ExportField("src"), ExportField("dest")])),
        ExportField("consumer_limits", nil, .mapping([
            ExportField("inactive_threshold", nil, .duration), ExportField("max_ack_pending", nil, .count),
        ])),
        ExportField("metadata", nil, .stringMap),
        ExportField("allow_msg_ttl"), ExportField("subject_delete_marker_ttl", nil, .duration),
        ExportField("allow_msg_counter"), ExportField("allow_atomic"), ExportField("allow_msg_schedules"),
        ExportField("persist_mode"), ExportField("allow_batched"),
    ]

    /// Consumer fields in the order the profile reference lists them.
    static let consumer: [ExportField] = [
        ExportField("description"),
        ExportField("filter_subject", "filter"), ExportField("filter_subjects", "filters", .strings),
        ExportField("deliver_subject"), ExportField("deliver_group"), ExportField("deliver_policy"),
        ExportField("opt_start_seq"), ExportField("opt_start_time"),
        ExportField("ack_policy", "ack"), ExportField("ack_wait", nil, .duration),
        ExportField("max_deliver", nil, .count), ExportField("backoff", nil, .durations),
        ExportField("replay_policy", "replay"), ExportField("rate_limit_bps"), ExportField("sample_freq"),
        ExportField("max_waiting"), ExportField("max_ack_pending", nil, .count),
        ExportField("flow_control"), ExportField("idle_heartbeat", nil, .duration), ExportField("headers_only"),
        ExportField("max_batch"), ExportField("max_expires", nil, .duration), ExportField("max_bytes", nil, .size),
        ExportField("inactive_threshold", nil, .duration), ExportField("num_replicas", "replicas"),
        ExportField("mem_storage"), ExportField("metadata", nil, .stringMap),
        ExportField("pause_until"), ExportField("priority_groups", nil, .strings), ExportField("priority_policy"),
        ExportField("priority_timeout", nil, .duration),
    ]

    /// Fields that are identity or server bookkeeping, never written as profile keys.
    static let streamIdentity: Set<String> = ["name"]
    static let consumerIdentity: Set<String> = ["name", "durable_name"]
}
