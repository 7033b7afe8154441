/// Every stream and consumer field the planner understands (facts: shared/reference/jetstream-api.md,
/// checked against nats-server 2.15.1 and 2.9.10; see docs/plan-format.md).
public enum FieldCatalogue {
    /// Lookup by JSON key.
    public static let stream: [String: FieldSpec] = Dictionary(uniqueKeysWithValues: streamFields.map { ($0.key, $0) })
    public static let consumer: [String: FieldSpec] = Dictionary(uniqueKeysWithValues: consumerFields.map { ($0.key, $0) })

    public static func fields(for kind: ResourceKind) -> [String: FieldSpec] {
        switch kind {
        case .stream: return stream
        case .consumer: return consumer
        case .tenant: return [:]
        }
    }

    /// Fields compared even when the profile omits them (their default is known).
    static let streamComparedByDefault: Set<String> = comparedByDefault(streamFields)
    static let consumerComparedByDefault: Set<String> = comparedByDefault(consumerFields)

    private static func comparedByDefault(_ specs: [FieldSpec]) -> Set<String> {
        Set(specs.filter { if case .unknown = $0.defaultValue { return false } else { return true } }.map(\.key))
    }

    static let twoMinutes: Int64 = 120_000_000_000
    static let thirtySeconds: Int64 = 30_000_000_000

    private static let early = ServerVersion(2, 2)

    public static let streamFields: [FieldSpec] = [
        FieldSpec("name", .stream, since: early, mutability: .immutable(reason: "a stream's name is its identity")),
        FieldSpec(
            "subjects", .stream, since: early,
            default: .derived { fields in
                // The server binds a plain stream to its own name; mirrors and sourcing streams get none.
                guard fields["mirror"] == nil, fields["sources"] == nil, let name = fields["name"] else { return nil }
                return .array([name])
            },
            comparison: .stringSet),
        FieldSpec(
            "retention", .stream, since: early,
            // limits ⇄ interest in place from 2.10 (nats-server#4361); 2.9.10 refuses any change (probed).
            mutability: .changed(
                in: ServerVersion(2, 10),
                before: .immutable(reason: "retention cannot change after creation on servers before 2.10"),
                after: .workqueueBoundary(reason: "retention cannot change to or from workqueue after creation")),
            default: .value("limits")),
        FieldSpec("max_consumers", .stream, since: early, default: .value(-1)),
        FieldSpec("max_msgs", .stream, since: early, default: .value(-1)),
        FieldSpec("max_bytes", .stream, since: early, default: .value(-1)),
        FieldSpec("max_age", .stream, since: early, display: .duration),
        FieldSpec("max_msg_size", .stream, since: early, default: .value(-1)),
        FieldSpec("discard", .stream, since: early, default: .value("old")),
        FieldSpec(
            "storage", .stream, since: early, mutability: .immutable(reason: "storage cannot change after creation"),
            default: .value("file")),
        FieldSpec("num_replicas", .stream, since: early, default: .value(1)),
        FieldSpec("no_ack", .stream, since: early),
        FieldSpec(
            "duplicate_window", .stream, since: early,
            default: .derived { fields in
                // The server caps the default window at max_age when max_age is shorter (observed on 2.9.10 and 2.15.1).
                if let age = fields["max_age"]?.intValue, age > 0, age < twoMinutes { return .int(age) }
                return .int(twoMinutes)
            },
            display: .duration),
        FieldSpec("placement", .stream, since: early, default: .unknown),
        FieldSpec(
            "mirror", .stream, since: early,
            // Removing a mirror ("promotion") is allowed from 2.12 (nats-server#7171); 2.9.10 refuses it (probed).
            mutability: .changed(
                in: ServerVersion(2, 12),
                before: .immutable(reason: "a mirror cannot be added, changed or removed on servers before 2.12"),
                after: .removableOnly(reason: "a mirror cannot be added or changed after creation"))),
        FieldSpec("sources", .stream, since: early),
        FieldSpec("max_msgs_per_subject", .stream, since: ServerVersion(2, 3), default: .value(-1)),
        FieldSpec("description", .stream, since: ServerVersion(2, 3)),
        FieldSpec(
            "sealed", .stream, since: ServerVersion(2, 6),
            mutability: .cannotDisable(reason: "a sealed stream cannot be unsealed")),
        FieldSpec(
            "deny_delete", .stream, since: ServerVersion(2, 6),
            mutability: .cannotDisable(reason: "deny_delete cannot be turned off after creation")),
        FieldSpec(
            "deny_purge", .stream, since: ServerVersion(2, 6),
            mutability: .cannotDisable(reason: "deny_purge cannot be turned off after creation")),
        FieldSpec("allow_rollup_hdrs", .stream, since: ServerVersion(2, 6)),
        FieldSpec("republish", .stream, since: ServerVersion(2, 8)),
        FieldSpec("allow_direct", .stream, since: ServerVersion(2, 9)),
        FieldSpec("mirror_direct", .stream, since: ServerVersion(2, 9)),
        FieldSpec("discard_new_per_subject", .stream, since: ServerVersion(2, 9)),
        FieldSpec("compression", .stream, since: ServerVersion(2, 10), default: .value("none")),
        FieldSpec("first_seq", .stream, since: ServerVersion(2, 10)),
        FieldSpec("subject_transform", .stream, since: ServerVersion(2, 10)),
        FieldSpec("consumer_limits", .stream, since: ServerVersion(2, 10)),
        FieldSpec("metadata", .stream, since: ServerVersion(2, 10), comparison: .metadata),
        FieldSpec(
            "allow_msg_ttl", .stream, since: ServerVersion(2, 11),
            mutability: .cannotDisable(reason: "allow_msg_ttl cannot be turned off after creation")),
        FieldSpec("subject_delete_marker_ttl", .stream, since: ServerVersion(2, 11), display: .duration),
        FieldSpec(
            "allow_msg_counter", .stream, since: ServerVersion(2, 12),
            mutability: .immutable(reason: "allow_msg_counter cannot change after creation")),
        FieldSpec("allow_atomic", .stream, since: ServerVersion(2, 12)),
        FieldSpec(
            "allow_msg_schedules", .stream, since: ServerVersion(2, 12),
            mutability: .cannotDisable(reason: "allow_msg_schedules cannot be turned off after creation")),
        FieldSpec(
            "persist_mode", .stream, since: ServerVersion(2, 12),
            mutability: .immutable(reason: "persist_mode cannot change after creation")),
        FieldSpec("allow_batched", .stream, since: ServerVersion(2, 14)),
    ]

    private static func isAcked(_ fields: [String: JSONValue]) -> Bool {
        // Observed on 2.9.10 and 2.15.1: a consumer created without ack_policy gets "none".
        (fields["ack_policy"]?.stringValue ?? "none") != "none"
    }

    public static let consumerFields: [FieldSpec] = [
        FieldSpec(
            "durable_name", .consumer, since: early, mutability: .immutable(reason: "a consumer's name is its identity")),
        FieldSpec(
            "name", .consumer, since: ServerVersion(2, 9), mutability: .immutable(reason: "a consumer's name is its identity"),
            default: .derived { $0["durable_name"] }),
        FieldSpec("description", .consumer, since: ServerVersion(2, 3)),
        FieldSpec(
            "deliver_policy", .consumer, since: early,
            mutability: .immutable(reason: "deliver_policy cannot change after creation"), default: .value("all")),
        FieldSpec(
            "opt_start_seq", .consumer, since: early,
            mutability: .immutable(reason: "opt_start_seq cannot change after creation")),
        FieldSpec(
            "opt_start_time", .consumer, since: early,
            mutability: .immutable(reason: "opt_start_time cannot change after creation")),
        FieldSpec(
            "ack_policy", .consumer, since: early,
            mutability: .immutable(reason: "ack_policy cannot change after creation"), default: .value("none")),
        FieldSpec(
            "ack_wait", .consumer, since: early,
            default: .derived { fields in
                guard isAcked(fields) else { return nil }
                // With a backoff the server uses its first step as ack_wait.
                return fields["backoff"]?.arrayValue?.first ?? .int(thirtySeconds)
            },
            display: .duration),
        FieldSpec("max_deliver", .consumer, since: early, default: .value(-1)),
        FieldSpec("filter_subject", .consumer, since: early),
        FieldSpec(
            "replay_policy", .consumer, since: early,
            mutability: .immutable(reason: "replay_policy cannot change after creation"), default: .value("instant")),
        FieldSpec("rate_limit_bps", .consumer, since: early),
        FieldSpec("sample_freq", .consumer, since: early),
        FieldSpec(
            "max_waiting", .consumer, since: early,
            mutability: .immutable(reason: "max_waiting cannot change after creation"),
            default: .derived { fields in fields["deliver_subject"] == nil ? .int(512) : nil }),
        FieldSpec(
            "max_ack_pending", .consumer, since: early,
            default: .derived { fields in isAcked(fields) ? .int(1000) : nil }),
        FieldSpec(
            "flow_control", .consumer, since: early,
            mutability: .immutable(reason: "flow_control cannot change after creation")),
        FieldSpec(
            "deliver_subject", .consumer, since: early,
            mutability: .presenceFixed(reason: "a consumer cannot switch between push and pull")),
        FieldSpec(
            "idle_heartbeat", .consumer, since: early,
            mutability: .immutable(reason: "idle_heartbeat cannot change after creation"), display: .duration),
        FieldSpec("deliver_group", .consumer, since: ServerVersion(2, 4)),
        FieldSpec("headers_only", .consumer, since: ServerVersion(2, 6)),
        FieldSpec("max_batch", .consumer, since: ServerVersion(2, 7)),
        FieldSpec("max_expires", .consumer, since: ServerVersion(2, 7), display: .duration),
        FieldSpec("inactive_threshold", .consumer, since: ServerVersion(2, 7), display: .duration),
        FieldSpec("backoff", .consumer, since: ServerVersion(2, 7), display: .durations),
        FieldSpec("max_bytes", .consumer, since: ServerVersion(2, 8)),
        FieldSpec("num_replicas", .consumer, since: ServerVersion(2, 8)),
        FieldSpec(
            "mem_storage", .consumer, since: ServerVersion(2, 8),
            mutability: .immutable(reason: "mem_storage cannot change after creation")),
        FieldSpec("filter_subjects", .consumer, since: ServerVersion(2, 10), comparison: .stringSet),
        FieldSpec("metadata", .consumer, since: ServerVersion(2, 10), comparison: .metadata),
        FieldSpec("pause_until", .consumer, since: ServerVersion(2, 11)),
        FieldSpec("priority_groups", .consumer, since: ServerVersion(2, 11)),
        FieldSpec("priority_policy", .consumer, since: ServerVersion(2, 11), default: .value("none")),
        FieldSpec("priority_timeout", .consumer, since: ServerVersion(2, 11), display: .duration),
    ]
}
