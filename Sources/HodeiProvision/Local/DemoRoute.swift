import HodeiProfile

/// Who publishes and who consumes in `demo`: a publisher whose grants cover a subject that a
/// consumer group (durable consumer) of another user receives. In profiles/dev.profile that is
/// `orchestrator` publishing `hodei.events.job.created` and `worker` consuming it through
/// `HODEI_EVENTS/job-processors`.
public struct DemoRoute: Sendable, Equatable {
    public let tenant: String
    public let publisher: String
    public let consumerUser: String
    public let stream: String
    public let consumer: String
    public let subject: String

    /// The first (publisher, consumer user) pair in profile order, different users preferred.
    /// `publisher`/`consumerUser` pin either side.
    public static func choose(
        in profile: Profile, tenant name: String, publisher pinnedPublisher: String? = nil, consumerUser pinnedConsumer: String? = nil
    ) throws(LocalEnvironmentError) -> DemoRoute {
        guard let tenant = profile.tenant(named: name) else {
            throw LocalEnvironmentError(
                location: "\(profile.sourceFile): tenants", problem: "no tenant \(name)",
                fix: "one of: \(profile.tenants.map(\.name).joined(separator: ", "))")
        }
        var candidates: [DemoRoute] = []
        for publisher in tenant.users where pinnedPublisher == nil || publisher.name == pinnedPublisher {
            let allowed = PermissionDeriver.permissions(for: publisher, in: tenant).publishAllow
            for user in tenant.users where pinnedConsumer == nil || user.name == pinnedConsumer {
                for grant in user.consume {
                    guard let consumer = tenant.stream(named: grant.stream)?.consumer(named: grant.consumer) else { continue }
                    let filters = consumer.filterSubjects.isEmpty ? (tenant.stream(named: grant.stream)?.subjects ?? []) : consumer.filterSubjects
                    for filter in filters {
                        let subject = concrete(filter)
                        guard allowed.contains(where: { SubjectPattern.covers($0, subject) }) else { continue }
                        candidates.append(DemoRoute(
                            tenant: name, publisher: publisher.name, consumerUser: user.name,
                            stream: grant.stream, consumer: grant.consumer, subject: subject))
                    }
                }
            }
        }
        guard let route = candidates.first(where: { $0.publisher != $0.consumerUser }) ?? candidates.first else {
            throw LocalEnvironmentError(
                location: "\(profile.sourceFile): tenants.\(name).users",
                problem: "no user publishes to a subject that a consumer of another user (or its own) receives",
                fix: "grant a user `publish` on a consumer's filter subject and another user `consume` of that consumer")
        }
        return route
    }

    /// A subject matched by `filter`: `>` becomes `created`, `*` becomes `demo`.
    static func concrete(_ filter: String) -> String {
        filter.split(separator: ".").map { $0 == ">" ? "created" : $0 == "*" ? "demo" : String($0) }.joined(separator: ".")
    }
}
