/// Which profile field needs which nats-server release (from reference/jetstream-api.md).
/// Validation checks profiles against `servers.requires`; the planner checks the live server.
public enum FeatureCatalogue {
    public enum Scope: String, Sendable { case stream, consumer }

    public struct Feature: Sendable, Equatable {
        public let scope: Scope
        /// The key in the profile language.
        public let profileKey: String
        /// The field in the JetStream API JSON.
        public let wireField: String
        public let since: ServerVersion
    }

    /// The oldest server the tool supports (Debian's 2.9.10); fields from before it are not listed.
    public static let oldestSupported = ServerVersion(2, 9)

    public static let features: [Feature] = {
        func f(_ scope: Scope, _ key: String, _ wire: String? = nil, _ major: Int, _ minor: Int) -> Feature {
            Feature(scope: scope, profileKey: key, wireField: wire ?? key, since: ServerVersion(major, minor))
        }
        return [
            f(.stream, "max_msgs_per_subject", nil, 2, 3), f(.stream, "description", nil, 2, 3),
            f(.stream, "sealed", nil, 2, 6), f(.stream, "deny_delete", nil, 2, 6), f(.stream, "deny_purge", nil, 2, 6),
            f(.stream, "allow_rollup", "allow_rollup_hdrs", 2, 6), f(.stream, "republish", nil, 2, 8),
            f(.stream, "allow_direct", nil, 2, 9), f(.stream, "mirror_direct", nil, 2, 9),
            f(.stream, "discard_new_per_subject", nil, 2, 9),
            f(.stream, "compression", nil, 2, 10), f(.stream, "first_seq", nil, 2, 10),
            f(.stream, "subject_transform", nil, 2, 10), f(.stream, "consumer_limits", nil, 2, 10),
            f(.stream, "metadata", nil, 2, 10),
            f(.stream, "allow_msg_ttl", nil, 2, 11), f(.stream, "subject_delete_marker_ttl", nil, 2, 11),
            f(.stream, "allow_msg_counter", nil, 2, 12), f(.stream, "allow_atomic", nil, 2, 12),
            f(.stream, "allow_msg_schedules", nil, 2, 12), f(.stream, "persist_mode", nil, 2, 12),
            f(.stream, "allow_batched", nil, 2, 14),
            f(.consumer, "deliver_group", nil, 2, 4), f(.consumer, "headers_only", nil, 2, 6),
            f(.consumer, "max_batch", nil, 2, 7), f(.consumer, "max_expires", nil, 2, 7),
            f(.consumer, "inactive_threshold", nil, 2, 7), f(.consumer, "backoff", nil, 2, 7),
            f(.consumer, "max_bytes", nil, 2, 8), f(.consumer, "replicas", "num_replicas", 2, 8),
            f(.consumer, "mem_storage", nil, 2, 8),
            f(.consumer, "filters", "filter_subjects", 2, 10), f(.consumer, "metadata", nil, 2, 10),
            f(.consumer, "pause_until", nil, 2, 11), f(.consumer, "priority_groups", nil, 2, 11),
            f(.consumer, "priority_policy", nil, 2, 11), f(.consumer, "priority_timeout", nil, 2, 11),
        ]
    }()

    public static func feature(_ scope: Scope, key: String) -> Feature? {
        features.first { $0.scope == scope && $0.profileKey == key }
    }

    public static func feature(_ scope: Scope, wireField: String) -> Feature? {
        features.first { $0.scope == scope && $0.wireField == wireField }
    }

    /// The lowest server that accepts every given field of a scope.
    public static func requiredVersion(_ scope: Scope, keys: some Sequence<String>) -> ServerVersion {
        keys.compactMap { feature(scope, key: $0)?.since }.max() ?? oldestSupported
    }
}
