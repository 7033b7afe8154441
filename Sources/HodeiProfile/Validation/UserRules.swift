/// Roles of a user: subject syntax, reserved subjects, consume references, unused publish rights.
enum UserRules {
    static func check(_ user: User, keyPath path: String, tenant: Tenant, into collector: inout IssueCollector) {
        NameRules.check(user.name, kind: "user", keyPath: path, into: &collector)
        for (role, subjects) in [("publish", user.publish), ("subscribe", user.subscribe)] {
            for (index, subject) in subjects.enumerated() {
                let key = "\(path).\(role)[\(index)]"
                if let problem = SubjectPattern.problem(in: subject) {
                    collector.error("invalid-subject", key, "\(role) subject '\(subject)': \(problem)")
                    continue
                }
                if let first = subject.split(separator: ".").first,
                   first == "*" || first == ">" || first.hasPrefix("$") || first.hasPrefix("_INBOX") {
                    collector.error("reserved-subject", key,
                                    "\(role) subject '\(subject)' reaches server and reply subjects ($JS, $SYS, _INBOX)",
                                    hint: user.admin ? "name the application subjects explicitly" : "name the application subjects explicitly; use admin: true for the JetStream API")
                    continue
                }
                if role == "publish", !tenant.streams.contains(where: { $0.subjects.contains { SubjectPattern.overlaps($0, subject) } }) {
                    collector.warning("publish-reaches-no-stream", key,
                                      "publish subject '\(subject)' matches no stream of tenant \(tenant.name); JetStream publishes there get no ack",
                                      hint: "add a stream for it or remove the permission")
                }
            }
        }
        let consumeKeys = consumeKeyPaths(user, path: path)
        for (grant, key) in zip(user.consume, consumeKeys) {
            guard let stream = tenant.stream(named: grant.stream) else {
                let suggestion = DidYouMean.suggestion(for: grant.stream, among: tenant.streams.map(\.name))
                collector.error("consume-missing-stream", key, "consume '\(grant)' names stream \(grant.stream), which tenant \(tenant.name) does not declare"
                                + (suggestion.map { "; did you mean \($0)?" } ?? ""),
                                hint: "declare the stream or fix the name")
                continue
            }
            if stream.consumer(named: grant.consumer) == nil {
                let suggestion = DidYouMean.suggestion(for: grant.consumer, among: stream.consumers.map(\.name))
                collector.error("consume-missing-consumer", key, "consume '\(grant)' names consumer \(grant.consumer), which stream \(stream.name) does not declare"
                                + (suggestion.map { "; did you mean \($0)?" } ?? ""),
                                hint: "declare the consumer under streams.\(stream.name).consumers or fix the name")
            }
        }
        if user.publish.isEmpty && user.subscribe.isEmpty && user.consume.isEmpty && !user.admin {
            collector.warning("user-without-roles", path, "user \(user.name) has no roles and can only connect",
                              hint: "grant publish, subscribe, consume or admin")
        }
    }

    /// A profile with a malformed consume entry never reaches validation, so indices match one to one.
    private static func consumeKeyPaths(_ user: User, path: String) -> [String] {
        user.consume.indices.map { "\(path).consume[\($0)]" }
    }
}
