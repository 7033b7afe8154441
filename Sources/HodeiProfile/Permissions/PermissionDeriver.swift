/// Least-privilege permissions from roles. Pure: the same profile always gives the same lists.
///
/// What each role grants, and why nothing more:
/// - every user: subscribe `_INBOX_<user>.>`. Each user gets its own inbox prefix instead of the
///   shared `_INBOX.>`, so users of one tenant cannot read each other's replies (and JetStream API
///   answers). Clients must set the prefix (`inboxPrefix`).
/// - publish S: publish S. A JetStream publish is a plain publish whose ack comes back to the
///   inbox. Plus `$JS.API.STREAM.INFO.STREAM` of each tenant stream that stores S: read-only, and
///   what a publishing client (`NatsBus`) checks at connect to fail early on a missing stream.
/// - subscribe S: subscribe S (core NATS delivery, e.g. an auditor following live events).
/// - consume STREAM/c (pull): publish `$JS.API.CONSUMER.MSG.NEXT.STREAM.c` (fetch),
///   `$JS.API.CONSUMER.INFO.STREAM.c` (clients look the durable up when binding),
///   `$JS.API.STREAM.INFO.STREAM` (clients check the stream when binding), `$JS.API.INFO` (clients
///   check JetStream is enabled; read-only and limited to the user's own account) and
///   `$JS.ACK.STREAM.c.>` (acks, naks, in-progress and term are publishes to the message's reply
///   subject, which lies under that prefix). Not CONSUMER.CREATE/DELETE: consumers are provisioned.
/// - consume STREAM/c (push): the same without MSG.NEXT, plus subscribe to its deliver subject.
/// - admin: publish `$JS.API.>` (the JetStream API of the tenant's own account only; accounts
///   isolate tenants).
/// - allow_responses stays off: acks are covered by the exact `$JS.ACK` subjects, and no role
///   answers requests. `allow_responses` would let a user publish to any reply subject it saw.
/// Deny lists are empty: the allow lists are exact and validation rejects role subjects that reach
/// `$JS`, `$SYS` or `_INBOX` (a leading `*` or `>`), so nothing needs carving out.
public enum PermissionDeriver {
    public static func inboxPrefix(for user: String) -> String { "_INBOX_\(user)" }

    public static func permissions(for user: User, in tenant: Tenant) -> DerivedPermissions {
        let inbox = inboxPrefix(for: user.name)
        var publish = user.publish
        let storing = tenant.streams.filter { stream in
            user.publish.contains { subject in stream.subjects.contains { SubjectPattern.overlaps($0, subject) } }
        }
        publish += storing.map { "$JS.API.STREAM.INFO.\($0.name)" }
        var subscribe = user.subscribe + ["\(inbox).>"]
        for grant in user.consume {
            let (stream, consumer) = (grant.stream, grant.consumer)
            publish += [
                "$JS.API.CONSUMER.INFO.\(stream).\(consumer)",
                "$JS.API.STREAM.INFO.\(stream)",
                "$JS.API.INFO",
                "$JS.ACK.\(stream).\(consumer).>",
            ]
            if let deliver = tenant.stream(named: stream)?.consumer(named: consumer)?.deliverSubject {
                subscribe.append(deliver)
            } else {
                publish.append("$JS.API.CONSUMER.MSG.NEXT.\(stream).\(consumer)")
            }
        }
        if user.admin { publish.append("$JS.API.>") }
        return DerivedPermissions(
            publishAllow: publish, subscribeAllow: subscribe, allowResponses: false, inboxPrefix: inbox)
    }

    /// Every user of every tenant, keyed `tenant/user`.
    public static func permissions(for profile: Profile) -> [(tenant: String, user: String, permissions: DerivedPermissions)] {
        profile.tenants.flatMap { tenant in
            tenant.users.map { (tenant.name, $0.name, permissions(for: $0, in: tenant)) }
        }
    }
}
