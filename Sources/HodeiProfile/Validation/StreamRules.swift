/// Rules for one stream and its consumers.
enum StreamRules {
    static func check(_ stream: Stream, keyPath path: String, in profile: Profile, tenant: Tenant, into collector: inout IssueCollector) {
        NameRules.check(stream.name, kind: "stream", keyPath: path, into: &collector)
        for (index, subject) in stream.subjects.enumerated() {
            if let problem = SubjectPattern.problem(in: subject) {
                collector.error("invalid-subject", "\(path).subjects[\(index)]", "subject '\(subject)': \(problem)",
                                hint: "tokens are separated by '.', '*' and '>' are whole tokens, '>' only last")
            } else if let other = stream.subjects[..<index].first(where: { SubjectPattern.overlaps($0, subject) }) {
                collector.error("overlapping-subjects", "\(path).subjects[\(index)]",
                                "subject '\(subject)' overlaps '\(other)' of the same stream", hint: "keep the wider one")
            } else if subject.hasPrefix("$") || subject.hasPrefix("_INBOX") {
                collector.error("reserved-subject", "\(path).subjects[\(index)]",
                                "subject '\(subject)' is reserved for the server and replies", hint: "store application subjects only")
            }
        }
        if stream.mirror != nil && !stream.subjects.isEmpty {
            collector.error("mirror-with-subjects", "\(path).mirror", "a mirror stream cannot have subjects",
                            hint: "remove subjects or mirror")
        }
        if stream.subjects.isEmpty && stream.mirror == nil && stream.sources.isEmpty {
            collector.error("no-subjects", path, "stream \(stream.name) has no subjects, mirror or sources",
                            hint: "add subjects: [\"hodei.events.>\"]")
        }
        let nodes = EnvironmentRules.nodeCount(profile)
        if stream.replicas > 1 && profile.cluster == nil {
            collector.error("replicas-without-cluster", "\(path).replicas",
                            "replicas \(stream.replicas) needs a cluster but the profile declares a single server",
                            hint: "set replicas: 1 or declare cluster.nodes")
        } else if stream.replicas > nodes {
            collector.error("replicas-exceed-nodes", "\(path).replicas",
                            "replicas \(stream.replicas) exceeds the \(nodes) nodes of cluster \(profile.cluster?.name ?? "")",
                            hint: "set replicas to at most \(nodes)")
        }
        if let window = stream.duplicateWindow, let age = stream.maxAge, age > 0, window > age {
            collector.error("duplicate-window", "\(path).duplicate_window",
                            "duplicate_window \(Quantities.formatDuration(window)) is longer than max_age \(Quantities.formatDuration(age))",
                            hint: "make duplicate_window at most max_age")
        }
        FeatureRules.check(.stream, keyPath: path, subject: "stream \(stream.name)", in: profile, into: &collector)
        for consumer in stream.consumers {
            ConsumerRules.check(consumer, of: stream, keyPath: "\(path).consumers.\(consumer.name)", in: profile, into: &collector)
        }
        if stream.retention == .workqueue {
            checkWorkQueue(stream, keyPath: path, into: &collector)
        }
    }

    /// A work-queue stream hands each message to one consumer: filters must not overlap.
    static func checkWorkQueue(_ stream: Stream, keyPath path: String, into collector: inout IssueCollector) {
        let consumers = stream.consumers
        for (i, first) in consumers.enumerated() {
            for second in consumers[(i + 1)...] {
                let a = first.filterSubjects.isEmpty ? [">"] : first.filterSubjects
                let b = second.filterSubjects.isEmpty ? [">"] : second.filterSubjects
                guard let pair = a.lazy.flatMap({ x in b.lazy.map { (x, $0) } }).first(where: { SubjectPattern.overlaps($0.0, $0.1) }) else {
                    continue
                }
                collector.error("workqueue-overlap", "\(path).consumers.\(second.name)",
                                "work-queue stream \(stream.name): consumers \(first.name) and \(second.name) have overlapping filters ('\(pair.0)' and '\(pair.1)')",
                                hint: "give each consumer of a work-queue stream disjoint filters")
            }
        }
        for consumer in consumers where consumer.ackPolicy != .explicit {
            collector.error("workqueue-ack", "\(path).consumers.\(consumer.name).ack",
                            "work-queue stream \(stream.name) needs explicit acks but consumer \(consumer.name) uses ack: \(consumer.ackPolicy.rawValue)",
                            hint: "set ack: explicit")
        }
    }
}
