/// Builds the typed model from a schema-checked document. Every value here already has the right
/// type (the decoder dropped wrong ones and reported them), so this only maps and fills defaults.
struct ModelBuilder {
    private(set) var issues: [ProfileIssue] = []
    let locations: [String: SourceLocation]

    mutating func profile(_ document: ProfileValue, sourceFiles: [String]) -> Profile {
        let servers = document["servers"]
        let tls = document["tls"]
        let auth = document["auth"]
        let bus = document["bus"]
        let environment = document["environment"]?.string ?? ""
        let isAbstract = document["abstract"]?.bool ?? false
        if environment.isEmpty && !isAbstract && locations["environment"] == nil {
            issues.append(ProfileIssue(
                .error, rule: "missing-key", at: locations[""], keyPath: "environment",
                message: "required key 'environment' is missing",
                hint: "add 'environment: dev' (or staging, prod), or 'abstract: true' for a base profile"))
        }
        let tenants = document["tenants"]?.entries.map { tenant($0.key, $0.value, path: "tenants.\($0.key)") } ?? []
        let cluster: Profile.Cluster? = document["cluster"].map { value in
            let jetstream = value["jetstream"]
            return Profile.Cluster(
                name: value["name"]?.string ?? "hodei-\(environment)",
                nodes: strings(value["nodes"]),
                jetstream: Profile.JetStream(
                    storeDir: jetstream?["store_dir"]?.string, maxFile: jetstream?["max_file"]?.int,
                    maxMem: jetstream?["max_mem"]?.int, domain: jetstream?["domain"]?.string))
        }
        return Profile(
            version: Int(document["profile"]?.int ?? 1),
            environment: environment,
            isAbstract: isAbstract,
            description: document["description"]?.string,
            sourceFiles: sourceFiles,
            servers: Profile.Servers(
                urls: strings(servers?["urls"]).isEmpty && servers?["urls"] == nil && !isAbstract
                    ? ["nats://127.0.0.1:4222"] : strings(servers?["urls"]),
                connectTimeout: servers?["connect_timeout"]?.int ?? 5_000_000_000,
                reconnectWait: servers?["reconnect_wait"]?.int ?? 2_000_000_000,
                maxReconnects: servers?["max_reconnects"]?.int ?? 60,
                requires: servers?["requires"]?.string.flatMap(ServerVersion.init)),
            tls: tls.map { value in
                Profile.TLS(
                    ca: path(value["ca"]), cert: path(value["cert"]), key: path(value["key"]),
                    verifyClients: value["verify_clients"]?.bool ?? false,
                    serverNames: strings(value["server_names"]),
                    allowPlaintext: value["allow_plaintext"]?.bool ?? false,
                    checkFiles: value["check_files"]?.bool ?? false)
            },
            auth: Profile.Auth(
                mode: auth?["mode"]?.string.flatMap(Profile.AuthMode.init) ?? .accounts,
                secretsDir: path(auth?["secrets_dir"])),
            cluster: cluster,
            bus: Profile.Bus(
                type: bus?["type"]?.string.flatMap(Profile.BusType.init) ?? .nats,
                capacity: Int(bus?["capacity"]?.int ?? 10_000),
                stream: bus?["stream"]?.string ?? "HODEI_EVENTS",
                subjectPrefix: bus?["subject_prefix"]?.string ?? "hodei.events"),
            defaults: document["defaults"].map { tenant("defaults", $0, path: "defaults") },
            tenants: tenants.sorted { $0.name < $1.name },
            locations: ProfileLocations(locations),
            document: document)
    }

    private mutating func tenant(_ name: String, _ value: ProfileValue, path: String) -> Tenant {
        let limits = value["limits"]
        return Tenant(
            name: name,
            keyPath: path,
            description: value["description"]?.string,
            limits: Tenant.Limits(
                maxStreams: limits?["max_streams"]?.int, maxConsumers: limits?["max_consumers"]?.int,
                maxFile: limits?["max_file"]?.int, maxMem: limits?["max_mem"]?.int,
                maxAckPending: limits?["max_ack_pending"]?.int, maxConnections: limits?["max_connections"]?.int,
                maxSubscriptions: limits?["max_subscriptions"]?.int, maxPayload: limits?["max_payload"]?.int,
                maxData: limits?["max_data"]?.int, maxBytesRequired: limits?["max_bytes_required"]?.bool),
            users: (value["users"]?.entries ?? []).map { user($0.key, $0.value, path: "\(path).users.\($0.key)") }
                .sorted { $0.name < $1.name },
            streams: (value["streams"]?.entries ?? []).map { stream($0.key, $0.value, path: "\(path).streams.\($0.key)") }
                .sorted { $0.name < $1.name })
    }

    private mutating func user(_ name: String, _ value: ProfileValue, path: String) -> User {
        var grants: [User.ConsumeGrant] = []
        for (index, item) in (value["consume"]?.list ?? []).enumerated() {
            let text = item.string ?? ""
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                issues.append(ProfileIssue(
                    .error, rule: "consume-format", at: locations["\(path).consume[\(index)]"],
                    keyPath: "\(path).consume[\(index)]",
                    message: "'\(text)' is not a STREAM/consumer reference", hint: "write it as HODEI_EVENTS/job-processors"))
                continue
            }
            grants.append(User.ConsumeGrant(stream: String(parts[0]), consumer: String(parts[1])))
        }
        var password: Secret?
        if case let .secret(secret)? = value["password"] { password = secret }
        return User(
            name: name, description: value["description"]?.string,
            publish: strings(value["publish"]), subscribe: strings(value["subscribe"]),
            consume: grants, admin: value["admin"]?.bool ?? false, password: password)
    }

    private func stream(_ name: String, _ value: ProfileValue, path: String) -> Stream {
        func source(_ value: ProfileValue) -> Stream.Source {
            Stream.Source(
                name: value["name"]?.string ?? "", filterSubject: value["filter_subject"]?.string,
                optStartSeq: value["opt_start_seq"]?.int, optStartTime: value["opt_start_time"]?.string)
        }
        return Stream(
            name: name,
            description: value["description"]?.string,
            subjects: strings(value["subjects"]),
            storage: value["storage"]?.string.flatMap(Stream.Storage.init) ?? .file,
            retention: value["retention"]?.string.flatMap(Stream.Retention.init) ?? .limits,
            discard: value["discard"]?.string.flatMap(Stream.Discard.init),
            discardNewPerSubject: value["discard_new_per_subject"]?.bool,
            maxMsgs: value["max_msgs"]?.int, maxBytes: value["max_bytes"]?.int, maxAge: value["max_age"]?.int,
            maxMsgSize: value["max_msg_size"]?.int, maxMsgsPerSubject: value["max_msgs_per_subject"]?.int,
            maxConsumers: value["max_consumers"]?.int,
            replicas: Int(value["replicas"]?.int ?? 1),
            noAck: value["no_ack"]?.bool,
            duplicateWindow: value["duplicate_window"]?.int,
            placement: value["placement"].map { Stream.Placement(cluster: $0["cluster"]?.string, tags: strings($0["tags"])) },
            mirror: value["mirror"].map(source),
            sources: (value["sources"]?.list ?? []).map(source),
            sealed: value["sealed"]?.bool, denyDelete: value["deny_delete"]?.bool, denyPurge: value["deny_purge"]?.bool,
            allowRollup: value["allow_rollup"]?.bool,
            republish: value["republish"].map {
                Stream.Republish(source: $0["src"]?.string, destination: $0["dest"]?.string ?? "", headersOnly: $0["headers_only"]?.bool)
            },
            allowDirect: value["allow_direct"]?.bool, mirrorDirect: value["mirror_direct"]?.bool,
            compression: value["compression"]?.string.flatMap(Stream.Compression.init),
            firstSeq: value["first_seq"]?.int,
            subjectTransform: value["subject_transform"].map {
                Stream.SubjectTransform(source: $0["src"]?.string, destination: $0["dest"]?.string ?? "")
            },
            consumerLimits: value["consumer_limits"].map {
                Stream.ConsumerLimits(inactiveThreshold: $0["inactive_threshold"]?.int, maxAckPending: $0["max_ack_pending"]?.int)
            },
            metadata: dictionary(value["metadata"]),
            allowMsgTTL: value["allow_msg_ttl"]?.bool,
            subjectDeleteMarkerTTL: value["subject_delete_marker_ttl"]?.int,
            allowMsgCounter: value["allow_msg_counter"]?.bool, allowAtomic: value["allow_atomic"]?.bool,
            allowMsgSchedules: value["allow_msg_schedules"]?.bool,
            persistMode: value["persist_mode"]?.string.flatMap(Stream.PersistMode.init),
            allowBatched: value["allow_batched"]?.bool,
            preventDelete: value["prevent_delete"]?.bool ?? false,
            consumers: (value["consumers"]?.entries ?? []).map { consumer($0.key, $0.value) }.sorted { $0.name < $1.name })
    }

    private func consumer(_ name: String, _ value: ProfileValue) -> Consumer {
        var filters = strings(value["filters"])
        if let filter = value["filter"]?.string { filters.insert(filter, at: 0) }
        return Consumer(
            name: name,
            description: value["description"]?.string,
            filterSubjects: filters,
            deliverSubject: value["deliver_subject"]?.string,
            deliverGroup: value["deliver_group"]?.string,
            deliverPolicy: value["deliver_policy"]?.string.flatMap(Consumer.DeliverPolicy.init) ?? .all,
            optStartSeq: value["opt_start_seq"]?.int, optStartTime: value["opt_start_time"]?.string,
            ackPolicy: value["ack"]?.string.flatMap(Consumer.AckPolicy.init) ?? .explicit,
            ackWait: value["ack_wait"]?.int, maxDeliver: value["max_deliver"]?.int,
            backoff: (value["backoff"]?.list ?? []).compactMap(\.int),
            replayPolicy: value["replay"]?.string.flatMap(Consumer.ReplayPolicy.init),
            rateLimitBps: value["rate_limit_bps"]?.int, sampleFrequency: value["sample_freq"]?.string,
            maxWaiting: value["max_waiting"]?.int, maxAckPending: value["max_ack_pending"]?.int,
            flowControl: value["flow_control"]?.bool, idleHeartbeat: value["idle_heartbeat"]?.int,
            headersOnly: value["headers_only"]?.bool, maxBatch: value["max_batch"]?.int,
            maxExpires: value["max_expires"]?.int, maxBytes: value["max_bytes"]?.int,
            inactiveThreshold: value["inactive_threshold"]?.int,
            replicas: value["replicas"]?.int.map { Int($0) }, memoryStorage: value["mem_storage"]?.bool,
            metadata: dictionary(value["metadata"]), pauseUntil: value["pause_until"]?.string,
            priorityGroups: strings(value["priority_groups"]),
            priorityPolicy: value["priority_policy"]?.string.flatMap(Consumer.PriorityPolicy.init),
            priorityTimeout: value["priority_timeout"]?.int,
            preventDelete: value["prevent_delete"]?.bool ?? false)
    }

    private func strings(_ value: ProfileValue?) -> [String] { value?.list?.compactMap(\.string) ?? [] }

    private func path(_ value: ProfileValue?) -> ProfilePath? {
        if case let .path(written, resolved)? = value { return ProfilePath(written: written, resolved: resolved) }
        return nil
    }

    private func dictionary(_ value: ProfileValue?) -> [String: String] {
        var result: [String: String] = [:]
        for entry in value?.entries ?? [] { result[entry.key] = entry.value.string ?? "" }
        return result
    }
}
