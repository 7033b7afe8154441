/// The profile language, key by key. Names are snake_case as in the profile files.
enum ProfileSchema {
    static let day: Int64 = 86_400_000_000_000
    static let second: Int64 = 1_000_000_000
    static let tib: Int64 = 1 << 40
    static let petabyte: Int64 = 1 << 50

    static let count = ScalarKind.integer(min: 0, max: Int64(Int32.max), unlimited: true)
    static let bytes = ScalarKind.size(min: 0, max: petabyte, unlimited: true)
    static let subjects = SchemaType.list(.scalar(.subject))
    static let metadata = SchemaType.map(.scalar(.text))

    static let root = SchemaType.object([
        SchemaField("profile", .scalar(.integer(min: 0, max: 1_000, unlimited: false)), required: true,
                    "Format version of the profile language; 1 is the only one."),
        SchemaField("environment", .scalar(.name), "Environment name (dev, staging, prod, ...). Plaintext is allowed without `tls.allow_plaintext` only in `dev`. Required unless `abstract: true`."),
        SchemaField("abstract", .scalar(.bool), "true marks a profile meant only to be extended (base.profile): environment and servers are not required and it cannot be applied. Not inherited."),
        SchemaField("extends", .scalar(.path), "Profile this one builds on, relative to this file. Mappings merge key by key, lists replace, `null` removes an inherited key. Chains are followed; cycles are errors."),
        SchemaField("description", .scalar(.text), "Free text."),
        SchemaField("servers", servers, "The NATS servers clients of this environment connect to."),
        SchemaField("tls", tls, "TLS for client connections. Omitted = plaintext (allowed in `dev`, or with `allow_plaintext: true`)."),
        SchemaField("auth", auth, "How tenants and users are authenticated."),
        SchemaField("cluster", cluster, "Server cluster (used by render and up). Omitted = a single server."),
        SchemaField("bus", bus, "What the runtime EventBusFactory builds for clients of this environment."),
        SchemaField("defaults", tenant, "Merged into every tenant (tenant values win; maps merge, lists replace)."),
        SchemaField("tenants", .map(tenant), "Tenants by name; each becomes an isolated NATS account."),
    ])

    static let servers = SchemaType.object([
        SchemaField("urls", .list(.scalar(.url)), "Server URLs (nats://, tls://, ws://, wss://); default [nats://127.0.0.1:4222]."),
        SchemaField("connect_timeout", .scalar(.duration(min: 1_000_000, max: 10 * 60 * second, unlimitedAs: nil)), "Client connect timeout (default 5s)."),
        SchemaField("reconnect_wait", .scalar(.duration(min: 0, max: 10 * 60 * second, unlimitedAs: nil)), "Pause between reconnect attempts (default 2s)."),
        SchemaField("max_reconnects", .scalar(.integer(min: 0, max: 1_000_000, unlimited: true)), "Reconnect attempts before giving up; `unlimited` = -1 (default 60)."),
        SchemaField("requires", .scalar(.version), "Lowest nats-server version this profile may be applied to (\"2.10\"); fields needing a newer server are errors."),
    ])

    static let tls = SchemaType.object([
        SchemaField("ca", .scalar(.path), "CA certificate (PEM) that signs the server (and client) certificates."),
        SchemaField("cert", .scalar(.path), "Server certificate chain (PEM)."),
        SchemaField("key", .scalar(.path), "Server private key (PEM). Never committed; `hodei-provision certs` creates it."),
        SchemaField("verify_clients", .scalar(.bool), "Mutual TLS: clients must present a certificate signed by `ca`."),
        SchemaField("server_names", .list(.scalar(.text)), "Names clients verify; each must be covered by the server certificate's SANs. Default: the hosts of `servers.urls`."),
        SchemaField("allow_plaintext", .scalar(.bool), "Accept running without TLS outside `dev` (explicit opt-out)."),
        SchemaField("check_files", .scalar(.bool), "Treat missing TLS files as errors (default: warnings, because `certs` generates them later)."),
    ])

    static let auth = SchemaType.object([
        SchemaField("mode", .scalar(.choice(["operator", "accounts"])), "operator: JWT operator + one account per tenant (resolver MEMORY). accounts: static accounts with nkey users in the server config."),
        SchemaField("secrets_dir", .scalar(.path), "Where generated seeds and creds are stored (0700 dir, 0600 files), relative to this file."),
    ])

    static let cluster = SchemaType.object([
        SchemaField("name", .scalar(.name), "Cluster name."),
        SchemaField("nodes", .list(.scalar(.name)), "Node names; the number of nodes bounds stream and consumer replicas."),
        SchemaField("jetstream", .object([
            SchemaField("store_dir", .scalar(.text), "JetStream storage directory on each node."),
            SchemaField("max_file", .scalar(bytes), "File storage limit per node."),
            SchemaField("max_mem", .scalar(bytes), "Memory storage limit per node."),
            SchemaField("domain", .scalar(.name), "JetStream domain (API prefix $JS.<domain>.API)."),
        ]), "JetStream server settings."),
    ])

    static let bus = SchemaType.object([
        SchemaField("type", .scalar(.choice(["nats", "inmemory"])), "nats: NatsBus over JetStream; inmemory: InMemoryBus (tests, single process)."),
        SchemaField("capacity", .scalar(.integer(min: 1, max: 100_000_000, unlimited: false)), "InMemoryBus buffer per subscriber."),
        SchemaField("stream", .scalar(.name), "Stream the runtime bus publishes to (default HODEI_EVENTS)."),
        SchemaField("subject_prefix", .scalar(.subject), "Subject prefix of Hodei events (default hodei.events)."),
    ])

    static let limits = SchemaType.object([
        SchemaField("max_streams", .scalar(count), "Streams the tenant's account may hold."),
        SchemaField("max_consumers", .scalar(count), "Consumers the account may hold."),
        SchemaField("max_file", .scalar(bytes), "File storage of the account (sum of its streams' max_bytes × replicas)."),
        SchemaField("max_mem", .scalar(bytes), "Memory storage of the account."),
        SchemaField("max_ack_pending", .scalar(count), "Upper bound of any consumer's max_ack_pending."),
        SchemaField("max_connections", .scalar(count), "Client connections of the account."),
        SchemaField("max_subscriptions", .scalar(count), "Subscriptions of the account."),
        SchemaField("max_payload", .scalar(bytes), "Largest message payload."),
        SchemaField("max_data", .scalar(bytes), "Bytes in flight for the account."),
        SchemaField("max_bytes_required", .scalar(.bool), "Streams must set max_bytes."),
    ])

    static let user = SchemaType.object([
        SchemaField("publish", subjects, "Subjects the user may publish to (JetStream publishes included)."),
        SchemaField("subscribe", subjects, "Subjects the user may subscribe to (core NATS)."),
        SchemaField("consume", .list(.scalar(.text)), "`STREAM/consumer` pairs the user may consume from (pull next, ack, info)."),
        SchemaField("admin", .scalar(.bool), "Full JetStream API of the tenant's account ($JS.API.>)."),
        SchemaField("password", .scalar(.secret), "Optional password (accounts mode) as `file:path` or `${VAR}`; never written in the profile."),
        SchemaField("description", .scalar(.text), "Free text."),
    ])

    static let tenant = SchemaType.object([
        SchemaField("description", .scalar(.text), "Free text."),
        SchemaField("limits", limits, "Account limits (JetStream and connection)."),
        SchemaField("users", .map(user), "Users by name, with roles."),
        SchemaField("streams", .map(stream), "Streams by name."),
    ])

    static let streamSource = SchemaType.object([
        SchemaField("name", .scalar(.name), required: true, "Origin stream."),
        SchemaField("filter_subject", .scalar(.subject), "Only messages on this subject."),
        SchemaField("opt_start_seq", .scalar(.integer(min: 1, max: Int64.max, unlimited: false)), "Start sequence."),
        SchemaField("opt_start_time", .scalar(.time), "Start time."),
    ])

    static let duration = ScalarKind.duration(min: 0, max: 3650 * day, unlimitedAs: nil)

    static let stream = SchemaType.object([
        SchemaField("description", .scalar(.text), "Free text (2.3)."),
        SchemaField("subjects", subjects, "Subjects stored by the stream."),
        SchemaField("storage", .scalar(.choice(["file", "memory"])), "file | memory (default file)."),
        SchemaField("retention", .scalar(.choice(["limits", "interest", "workqueue"])), "limits | interest | workqueue (default limits)."),
        SchemaField("discard", .scalar(.choice(["old", "new"])), "old | new (default old)."),
        SchemaField("discard_new_per_subject", .scalar(.bool), "Apply discard new per subject (2.9)."),
        SchemaField("max_msgs", .scalar(.integer(min: 0, max: Int64.max, unlimited: true)), "Messages kept; `unlimited` = -1."),
        SchemaField("max_bytes", .scalar(bytes), "Bytes kept; `unlimited` = -1."),
        SchemaField("max_age", .scalar(.duration(min: 0, max: 3650 * day, unlimitedAs: 0)), "Age of the oldest message kept; `unlimited` = 0."),
        SchemaField("max_msg_size", .scalar(.size(min: 0, max: Int64(Int32.max), unlimited: true)), "Largest message."),
        SchemaField("max_msgs_per_subject", .scalar(.integer(min: 0, max: Int64.max, unlimited: true)), "Messages kept per subject (2.3)."),
        SchemaField("max_consumers", .scalar(count), "Consumers of this stream."),
        SchemaField("replicas", .scalar(.integer(min: 1, max: 5, unlimited: false)), "Replicas (1..5; ≤ cluster nodes)."),
        SchemaField("no_ack", .scalar(.bool), "Publishes are not acknowledged."),
        SchemaField("duplicate_window", .scalar(duration), "Window for Nats-Msg-Id de-duplication (default 2m)."),
        SchemaField("placement", .object([
            SchemaField("cluster", .scalar(.name), "Cluster to place the stream in."),
            SchemaField("tags", .list(.scalar(.text)), "Server tags."),
        ]), "Placement."),
        SchemaField("mirror", streamSource, "Mirror another stream (then no subjects)."),
        SchemaField("sources", .list(streamSource), "Streams to source from."),
        SchemaField("sealed", .scalar(.bool), "No more writes or deletes (2.6)."),
        SchemaField("deny_delete", .scalar(.bool), "Messages cannot be deleted (2.6)."),
        SchemaField("deny_purge", .scalar(.bool), "Stream cannot be purged (2.6)."),
        SchemaField("allow_rollup", .scalar(.bool), "Allow Nats-Rollup headers (allow_rollup_hdrs, 2.6)."),
        SchemaField("republish", .object([
            SchemaField("src", .scalar(.subject), "Source subject filter."),
            SchemaField("dest", .scalar(.subject), required: true, "Destination subject."),
            SchemaField("headers_only", .scalar(.bool), "Republish headers only."),
        ]), "Republish stored messages (2.8)."),
        SchemaField("allow_direct", .scalar(.bool), "Direct get API (2.9)."),
        SchemaField("mirror_direct", .scalar(.bool), "Direct get on mirrors (2.9)."),
        SchemaField("compression", .scalar(.choice(["none", "s2"])), "none | s2 (2.10)."),
        SchemaField("first_seq", .scalar(.integer(min: 1, max: Int64.max, unlimited: false)), "First sequence (2.10)."),
        SchemaField("subject_transform", .object([
            SchemaField("src", .scalar(.subject), "Source subject."),
            SchemaField("dest", .scalar(.subject), required: true, "Destination subject."),
        ]), "Transform subjects on the way in (2.10)."),
        SchemaField("consumer_limits", .object([
            SchemaField("inactive_threshold", .scalar(duration), "Default inactive threshold."),
            SchemaField("max_ack_pending", .scalar(count), "Default max ack pending."),
        ]), "Defaults and bounds for consumers (2.10)."),
        SchemaField("metadata", metadata, "String key/values (2.10)."),
        SchemaField("allow_msg_ttl", .scalar(.bool), "Per-message TTL header (2.11)."),
        SchemaField("subject_delete_marker_ttl", .scalar(duration), "Delete markers for max_age expiries (2.11)."),
        SchemaField("allow_msg_counter", .scalar(.bool), "Counter stream (2.12)."),
        SchemaField("allow_atomic", .scalar(.bool), "Atomic batch publish (2.12)."),
        SchemaField("allow_msg_schedules", .scalar(.bool), "Message schedules (2.12)."),
        SchemaField("persist_mode", .scalar(.choice(["default", "async"])), "Persistence mode (2.12)."),
        SchemaField("allow_batched", .scalar(.bool), "Batched publish (2.14)."),
        SchemaField("prevent_delete", .scalar(.bool), "hodei-provision never deletes or replaces this stream, even with --allow-delete."),
        SchemaField("consumers", .map(consumer), "Durable consumers by name."),
    ])

    static let consumer = SchemaType.object([
        SchemaField("description", .scalar(.text), "Free text."),
        SchemaField("filter", .scalar(.subject), "Only messages on this subject (filter_subject)."),
        SchemaField("filters", subjects, "Several filter subjects (filter_subjects, 2.10); not with `filter`."),
        SchemaField("deliver_subject", .scalar(.subject), "Makes it a push consumer delivering here; omitted = pull."),
        SchemaField("deliver_group", .scalar(.name), "Queue group of a push consumer (2.4)."),
        SchemaField("deliver_policy", .scalar(.choice(["all", "last", "new", "by_start_sequence", "by_start_time", "last_per_subject"])), "Where delivery starts (default all)."),
        SchemaField("opt_start_seq", .scalar(.integer(min: 1, max: Int64.max, unlimited: false)), "Start sequence for by_start_sequence."),
        SchemaField("opt_start_time", .scalar(.time), "Start time for by_start_time (RFC 3339)."),
        SchemaField("ack", .scalar(.choice(["none", "all", "explicit"])), "Ack policy (default explicit)."),
        SchemaField("ack_wait", .scalar(.duration(min: second, max: 3650 * day, unlimitedAs: nil)), "Redelivery after this long without ack (default 30s)."),
        SchemaField("max_deliver", .scalar(.integer(min: 1, max: Int64(Int32.max), unlimited: true)), "Delivery attempts; `unlimited` = -1 (default)."),
        SchemaField("backoff", .list(.scalar(.duration(min: second, max: 3650 * day, unlimitedAs: nil))), "Redelivery delays (2.7); replaces ack_wait; needs max_deliver > its length."),
        SchemaField("replay", .scalar(.choice(["instant", "original"])), "Replay policy (default instant)."),
        SchemaField("rate_limit_bps", .scalar(.integer(min: 0, max: Int64.max, unlimited: false)), "Push delivery rate limit, bits per second."),
        SchemaField("sample_freq", .scalar(.text), "Ack sampling (\"100%\")."),
        SchemaField("max_waiting", .scalar(.integer(min: 1, max: 1_000_000, unlimited: false)), "Pull requests waiting (pull only; default 512)."),
        SchemaField("max_ack_pending", .scalar(count), "Unacknowledged messages in flight (default 1000)."),
        SchemaField("flow_control", .scalar(.bool), "Push flow control."),
        SchemaField("idle_heartbeat", .scalar(duration), "Push idle heartbeat."),
        SchemaField("headers_only", .scalar(.bool), "Deliver headers only (2.6)."),
        SchemaField("max_batch", .scalar(.integer(min: 1, max: 1_000_000, unlimited: false)), "Largest pull batch (2.7)."),
        SchemaField("max_expires", .scalar(duration), "Longest pull expiry (2.7)."),
        SchemaField("max_bytes", .scalar(.size(min: 1, max: petabyte, unlimited: false)), "Largest pull request in bytes (2.8)."),
        SchemaField("inactive_threshold", .scalar(duration), "Remove after this long inactive (2.7)."),
        SchemaField("replicas", .scalar(.integer(min: 0, max: 5, unlimited: false)), "Consumer replicas; 0 = the stream's (2.8)."),
        SchemaField("mem_storage", .scalar(.bool), "Keep consumer state in memory (2.8)."),
        SchemaField("metadata", metadata, "String key/values (2.10)."),
        SchemaField("pause_until", .scalar(.time), "Paused until this time (2.11)."),
        SchemaField("priority_groups", .list(.scalar(.name)), "Priority group names (2.11)."),
        SchemaField("priority_policy", .scalar(.choice(["none", "overflow", "pinned_client", "prioritized"])), "Priority policy (2.11); needs priority_groups."),
        SchemaField("priority_timeout", .scalar(duration), "Pinned client timeout (2.11)."),
        SchemaField("prevent_delete", .scalar(.bool), "hodei-provision never deletes or replaces this consumer."),
    ])
}
