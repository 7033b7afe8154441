/// Rules inside one tenant: names, streams, consumers, users and account limits.
enum TenantRules {
    static func check(_ tenant: Tenant, in profile: Profile, into collector: inout IssueCollector) {
        let base = tenant.keyPath
        if tenant.keyPath != "defaults" {
            NameRules.check(tenant.name, kind: "tenant", keyPath: base, into: &collector)
        }
        for stream in tenant.streams {
            StreamRules.check(stream, keyPath: "\(base).streams.\(stream.name)", in: profile, tenant: tenant, into: &collector)
        }
        checkOverlaps(tenant, into: &collector)
        for user in tenant.users {
            UserRules.check(user, keyPath: "\(base).users.\(user.name)", tenant: tenant, into: &collector)
        }
        LimitRules.check(tenant, into: &collector)
    }

    /// Two streams of one account may not capture the same subject (the server refuses the second).
    static func checkOverlaps(_ tenant: Tenant, into collector: inout IssueCollector) {
        let streams = tenant.streams
        for (i, first) in streams.enumerated() {
            for second in streams[(i + 1)...] {
                for (k, a) in second.subjects.enumerated() {
                    guard let b = first.subjects.first(where: { SubjectPattern.overlaps(a, $0) }) else { continue }
                    collector.error("overlapping-subjects", "\(tenant.keyPath).streams.\(second.name).subjects[\(k)]",
                                    "subject '\(a)' of stream \(second.name) overlaps '\(b)' of stream \(first.name)",
                                    hint: "give each stream of a tenant disjoint subjects")
                }
            }
        }
    }
}
