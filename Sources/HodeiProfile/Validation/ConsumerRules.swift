/// Rules for one consumer: filters, deliver policy, acks and backoff, push vs pull fields.
enum ConsumerRules {
    static func check(_ consumer: Consumer, of stream: Stream, keyPath path: String, in profile: Profile, into collector: inout IssueCollector) {
        NameRules.check(consumer.name, kind: "consumer", keyPath: path, into: &collector)
        let has = { (key: String) in profile.locations["\(path).\(key)"] != nil }
        if has("filter") && has("filters") {
            collector.error("filter-and-filters", "\(path).filters", "use either filter or filters, not both",
                            hint: "move the filter into the filters list")
        }
        for (index, filter) in consumer.filterSubjects.enumerated() {
            let key = has("filter") ? (index == 0 ? "\(path).filter" : "\(path).filters[\(index - 1)]") : "\(path).filters[\(index)]"
            if let problem = SubjectPattern.problem(in: filter) {
                collector.error("invalid-subject", key, "filter '\(filter)': \(problem)")
            } else if !stream.subjects.isEmpty, !stream.subjects.contains(where: { SubjectPattern.covers($0, filter) }) {
                collector.error("filter-outside-stream", key,
                                "filter '\(filter)' is not within the subjects of stream \(stream.name) (\(stream.subjects.joined(separator: ", ")))",
                                hint: "use a filter inside the stream's subjects")
            }
        }
        switch consumer.deliverPolicy {
        case .byStartSequence where consumer.optStartSeq == nil:
            collector.error("start-missing", "\(path).deliver_policy", "deliver_policy by_start_sequence needs opt_start_seq",
                            hint: "add opt_start_seq: <sequence>")
        case .byStartTime where consumer.optStartTime == nil:
            collector.error("start-missing", "\(path).deliver_policy", "deliver_policy by_start_time needs opt_start_time",
                            hint: "add opt_start_time: 2026-01-01T00:00:00Z")
        default: break
        }
        if consumer.optStartSeq != nil && consumer.deliverPolicy != .byStartSequence {
            collector.error("start-unused", "\(path).opt_start_seq", "opt_start_seq is only used with deliver_policy by_start_sequence",
                            hint: "set deliver_policy: by_start_sequence or remove opt_start_seq")
        }
        if consumer.optStartTime != nil && consumer.deliverPolicy != .byStartTime {
            collector.error("start-unused", "\(path).opt_start_time", "opt_start_time is only used with deliver_policy by_start_time",
                            hint: "set deliver_policy: by_start_time or remove opt_start_time")
        }
        checkAcks(consumer, keyPath: path, into: &collector)
        checkKind(consumer, keyPath: path, has: has, into: &collector)
        let nodes = EnvironmentRules.nodeCount(profile)
        if let replicas = consumer.replicas, replicas > nodes {
            collector.error("replicas-exceed-nodes", "\(path).replicas",
                            "consumer replicas \(replicas) exceeds the \(nodes) server node(s)", hint: "set replicas to at most \(nodes)")
        }
        if let policy = consumer.priorityPolicy, policy != .none, consumer.priorityGroups.isEmpty {
            collector.error("priority-groups-missing", "\(path).priority_policy", "priority_policy needs priority_groups",
                            hint: "add priority_groups: [jobs]")
        }
        FeatureRules.check(.consumer, keyPath: path, subject: "consumer \(stream.name)/\(consumer.name)", in: profile, into: &collector)
    }

    static func checkAcks(_ consumer: Consumer, keyPath path: String, into collector: inout IssueCollector) {
        guard !consumer.backoff.isEmpty else { return }
        if consumer.ackPolicy == .none {
            collector.error("backoff-without-acks", "\(path).backoff", "backoff needs acks but ack is none",
                            hint: "set ack: explicit or remove backoff")
        }
        if let maxDeliver = consumer.maxDeliver, maxDeliver > 0, maxDeliver <= consumer.backoff.count {
            collector.error("backoff-max-deliver", "\(path).max_deliver",
                            "max_deliver \(maxDeliver) must be greater than the \(consumer.backoff.count) backoff steps",
                            hint: "set max_deliver to at least \(consumer.backoff.count + 1) or shorten backoff")
        }
        if let ackWait = consumer.ackWait, ackWait != consumer.backoff[0] {
            collector.error("ack-wait-backoff", "\(path).ack_wait",
                            "ack_wait \(Quantities.formatDuration(ackWait)) conflicts with backoff: the server waits backoff[0] = \(Quantities.formatDuration(consumer.backoff[0])) before the first redelivery",
                            hint: "remove ack_wait or make it equal to the first backoff step")
        }
        if zip(consumer.backoff, consumer.backoff.dropFirst()).contains(where: { $0 > $1 }) {
            collector.warning("backoff-decreasing", "\(path).backoff", "backoff steps decrease; redeliveries usually back off more, not less",
                              hint: "sort the steps ascending")
        }
    }

    static func checkKind(_ consumer: Consumer, keyPath path: String, has: (String) -> Bool, into collector: inout IssueCollector) {
        if let deliver = consumer.deliverSubject, let problem = SubjectPattern.problem(in: deliver) {
            collector.error("invalid-subject", "\(path).deliver_subject", "deliver_subject '\(deliver)': \(problem)")
        } else if let deliver = consumer.deliverSubject, deliver.contains("*") || deliver.contains(">") {
            collector.error("invalid-subject", "\(path).deliver_subject", "deliver_subject '\(deliver)' cannot contain wildcards")
        }
        let pushOnly = ["deliver_group", "flow_control", "idle_heartbeat", "rate_limit_bps"]
        let pullOnly = ["max_waiting", "max_batch", "max_expires", "max_bytes", "priority_groups", "priority_policy"]
        switch consumer.kind {
        case .pull:
            for key in pushOnly where has(key) {
                collector.error("push-field-on-pull", "\(path).\(key)", "\(key) needs a push consumer but \(consumer.name) is pull (no deliver_subject)",
                                hint: "add deliver_subject or remove \(key)")
            }
        case .push:
            for key in pullOnly where has(key) {
                collector.error("pull-field-on-push", "\(path).\(key)", "\(key) is for pull consumers but \(consumer.name) is push (has deliver_subject)",
                                hint: "remove \(key) or deliver_subject")
            }
        }
    }
}
