import HodeiPlan
import HodeiProfile

private typealias Value = HodeiPlan.JSONValue

/// Maps a validated profile to the planner's `DesiredState`: every stream and consumer field to its
/// JetStream wire name and form (durations integer nanoseconds, sizes bytes, as the profile model
/// already holds them). Fields the profile leaves unset are left out, so the server default applies
/// and the planner's normaliser compares them against the known default. Defaults that are not a
/// zero value (`compression: none`, `persist_mode: default`) are left out too: a server that does
/// not know the field must not be sent it.
public enum DesiredStateBuilder {
    public static func build(_ profile: Profile) -> DesiredState {
        DesiredState(
            environment: profile.environment,
            tenants: profile.tenants.map { tenant in
                DesiredTenant(name: tenant.name, streams: tenant.streams.map(stream))
            })
    }

    public static func stream(_ stream: HodeiProfile.Stream) -> DesiredStream {
        DesiredStream(
            config: streamConfig(stream), preventDelete: stream.preventDelete,
            consumers: stream.consumers.map { DesiredConsumer(config: consumerConfig($0), preventDelete: $0.preventDelete) })
    }

    public static func streamConfig(_ s: HodeiProfile.Stream) -> StreamConfig {
        var f: [String: Value] = ["name": .string(s.name)]
        f["description"] = s.description.map(Value.string)
        if !s.subjects.isEmpty { f["subjects"] = strings(s.subjects) }
        f["storage"] = .string(s.storage.rawValue)
        f["retention"] = .string(s.retention.rawValue)
        f["discard"] = s.discard.map { .string($0.rawValue) }
        f["discard_new_per_subject"] = s.discardNewPerSubject.map(Value.bool)
        f["max_msgs"] = s.maxMsgs.map(Value.int)
        f["max_bytes"] = s.maxBytes.map(Value.int)
        f["max_age"] = s.maxAge.map(Value.int)
        f["max_msg_size"] = s.maxMsgSize.map(Value.int)
        f["max_msgs_per_subject"] = s.maxMsgsPerSubject.map(Value.int)
        f["max_consumers"] = s.maxConsumers.map(Value.int)
        f["num_replicas"] = .int(Int64(s.replicas))
        f["no_ack"] = s.noAck.map(Value.bool)
        f["duplicate_window"] = s.duplicateWindow.map(Value.int)
        if let placement = s.placement {
            var p: [String: Value] = [:]
            p["cluster"] = placement.cluster.map(Value.string)
            if !placement.tags.isEmpty { p["tags"] = strings(placement.tags) }
            f["placement"] = .object(p)
        }
        f["mirror"] = s.mirror.map(source)
        if !s.sources.isEmpty { f["sources"] = .array(s.sources.map(source)) }
        f["sealed"] = s.sealed.map(Value.bool)
        f["deny_delete"] = s.denyDelete.map(Value.bool)
        f["deny_purge"] = s.denyPurge.map(Value.bool)
        f["allow_rollup_hdrs"] = s.allowRollup.map(Value.bool)
        if let republish = s.republish {
            var r: [String: Value] = ["dest": .string(republish.destination)]
            r["src"] = republish.source.map(Value.string)
            r["headers_only"] = republish.headersOnly.map(Value.bool)
            f["republish"] = .object(r)
        }
        f["allow_direct"] = s.allowDirect.map(Value.bool)
        f["mirror_direct"] = s.mirrorDirect.map(Value.bool)
        if let compression = s.compression, compression != .none { f["compression"] = .string(compression.rawValue) }
        f["first_seq"] = s.firstSeq.map(Value.int)
        if let transform = s.subjectTransform {
            var t: [String: Value] = ["dest": .string(transform.destination)]
            t["src"] = transform.source.map(Value.string)
            f["subject_transform"] = .object(t)
        }
        if let limits = s.consumerLimits {
            var l: [String: Value] = [:]
            l["inactive_threshold"] = limits.inactiveThreshold.map(Value.int)
            l["max_ack_pending"] = limits.maxAckPending.map(Value.int)
            f["consumer_limits"] = .object(l)
        }
        if !s.metadata.isEmpty { f["metadata"] = .object(s.metadata.mapValues(Value.string)) }
        f["allow_msg_ttl"] = s.allowMsgTTL.map(Value.bool)
        f["subject_delete_marker_ttl"] = s.subjectDeleteMarkerTTL.map(Value.int)
        f["allow_msg_counter"] = s.allowMsgCounter.map(Value.bool)
        f["allow_atomic"] = s.allowAtomic.map(Value.bool)
        f["allow_msg_schedules"] = s.allowMsgSchedules.map(Value.bool)
        if let mode = s.persistMode, mode != .default { f["persist_mode"] = .string(mode.rawValue) }
        f["allow_batched"] = s.allowBatched.map(Value.bool)
        return StreamConfig(fields: f)
    }

    public static func consumerConfig(_ c: HodeiProfile.Consumer) -> ConsumerConfig {
        var config = ConsumerConfig(durableName: c.name)
        var f = config.fields
        f["description"] = c.description.map(Value.string)
        switch c.filterSubjects.count {
        case 0: break
        case 1: f["filter_subject"] = .string(c.filterSubjects[0])
        default: f["filter_subjects"] = strings(c.filterSubjects)
        }
        f["deliver_subject"] = c.deliverSubject.map(Value.string)
        f["deliver_group"] = c.deliverGroup.map(Value.string)
        f["deliver_policy"] = .string(c.deliverPolicy.rawValue)
        f["opt_start_seq"] = c.optStartSeq.map(Value.int)
        f["opt_start_time"] = c.optStartTime.map(Value.string)
        f["ack_policy"] = .string(c.ackPolicy.rawValue)
        f["ack_wait"] = c.ackWait.map(Value.int)
        f["max_deliver"] = c.maxDeliver.map(Value.int)
        if !c.backoff.isEmpty { f["backoff"] = .array(c.backoff.map(Value.int)) }
        f["replay_policy"] = c.replayPolicy.map { .string($0.rawValue) }
        f["rate_limit_bps"] = c.rateLimitBps.map(Value.int)
        f["sample_freq"] = c.sampleFrequency.map(Value.string)
        f["max_waiting"] = c.maxWaiting.map(Value.int)
        f["max_ack_pending"] = c.maxAckPending.map(Value.int)
        f["flow_control"] = c.flowControl.map(Value.bool)
        f["idle_heartbeat"] = c.idleHeartbeat.map(Value.int)
        f["headers_only"] = c.headersOnly.map(Value.bool)
        f["max_batch"] = c.maxBatch.map(Value.int)
        f["max_expires"] = c.maxExpires.map(Value.int)
        f["max_bytes"] = c.maxBytes.map(Value.int)
        f["inactive_threshold"] = c.inactiveThreshold.map(Value.int)
        f["num_replicas"] = c.replicas.map { .int(Int64($0)) }
        f["mem_storage"] = c.memoryStorage.map(Value.bool)
        if !c.metadata.isEmpty { f["metadata"] = .object(c.metadata.mapValues(Value.string)) }
        f["pause_until"] = c.pauseUntil.map(Value.string)
        if !c.priorityGroups.isEmpty { f["priority_groups"] = strings(c.priorityGroups) }
        if let policy = c.priorityPolicy, policy != .none { f["priority_policy"] = .string(policy.rawValue) }
        f["priority_timeout"] = c.priorityTimeout.map(Value.int)
        config.fields = f
        return config
    }

    private static func strings(_ values: [String]) -> Value { .array(values.map(Value.string)) }

    private static func source(_ s: HodeiProfile.Stream.Source) -> Value {
        var o: [String: Value] = ["name": .string(s.name)]
        o["filter_subject"] = s.filterSubject.map(Value.string)
        o["opt_start_seq"] = s.optStartSeq.map(Value.int)
        o["opt_start_time"] = s.optStartTime.map(Value.string)
        return .object(o)
    }
}
