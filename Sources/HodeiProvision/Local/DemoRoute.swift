import HodeiBus
import HodeiProfile

/// Who publishes and who consumes in `demo`: a publisher whose grants cover the subject of one
/// `SystemEvent` kind that a consumer group (durable pull consumer) of another user receives. In
/// profiles/dev.profile that is `orchestrator` publishing `job.created` on `hodei.events.job.created`
/// and `worker` consuming it through `HODEI_EVENTS/job-processors`.
public struct DemoRoute: Sendable, Equatable {
    public let tenant: String
    public let publisher: String
    public let consumerUser: String
    public let stream: String
    public let consumer: String
    public let kind: EventKind
    public let subject: String
    /// The group consumer's filter, as the bus member must ask for it; nil when it has none.
    public let groupFilter: String?

    /// The first (publisher, consumer user, event kind) in profile order, different users preferred.
    /// `publisher`/`consumerUser` pin either side. Only single-filter pull consumers qualify: a bus
    /// group member names one filter.
    public static func choose(
        in profile: Profile, tenant name: String, publisher pinnedPublisher: String? = nil, consumerUser pinnedConsumer: String? = nil
    ) throws(LocalEnvironmentError) -> DemoRoute {
        guard let tenant = profile.tenant(named: name) else {
            throw LocalEnvironmentError(
                location: "\(profile.sourceFile): tenants", problem: "no tenant \(name)",
                fix: "one of: \(profile.tenants.map(\.name).joined(separator: ", "))")
        }
        let prefix = profile.bus.subjectPrefix
        var candidates: [DemoRoute] = []
        for publisher in tenant.users where pinnedPublisher == nil || publisher.name == pinnedPublisher {
            let allowed = PermissionDeriver.permissions(for: publisher, in: tenant).publishAllow
            for user in tenant.users where pinnedConsumer == nil || user.name == pinnedConsumer {
                for grant in user.consume {
                    guard let stream = tenant.stream(named: grant.stream), let consumer = stream.consumer(named: grant.consumer),
                          consumer.filterSubjects.count <= 1 else { continue }
                    let filters = consumer.filterSubjects.isEmpty ? stream.subjects : consumer.filterSubjects
                    for kind in EventKind.allCases {
                        let subject = "\(prefix).\(kind.rawValue)"
                        guard filters.contains(where: { SubjectPattern.covers($0, subject) }),
                              allowed.contains(where: { SubjectPattern.covers($0, subject) }) else { continue }
                        candidates.append(DemoRoute(
                            tenant: name, publisher: publisher.name, consumerUser: user.name, stream: grant.stream,
                            consumer: grant.consumer, kind: kind, subject: subject, groupFilter: consumer.filterSubjects.first))
                    }
                }
            }
        }
        guard let route = candidates.first(where: { $0.publisher != $0.consumerUser }) ?? candidates.first else {
            throw LocalEnvironmentError(
                location: "\(profile.sourceFile): tenants.\(name).users",
                problem: "no user publishes an event subject (\(prefix).<area>.<event>) that a single-filter pull consumer of a user receives",
                fix: "grant a user `publish` on e.g. \(prefix).job.> and another user `consume` of a consumer filtering it")
        }
        return route
    }
}
