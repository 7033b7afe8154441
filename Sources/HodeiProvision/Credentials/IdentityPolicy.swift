import HodeiProfile
import HodeiSecurity

/// Maps the profile's declarative pieces to what goes into JWTs and server configs: permissions
/// of profile users and of the implicit identities, and account limits.
public enum IdentityPolicy {
    /// `hodei-admin`: the JetStream API of its own account, writes to the apply journal/lock bucket
    /// (a KV put is a publish to `$KV.<bucket>.<key>`) and its own inbox, nothing else.
    public static var adminPermissions: DerivedPermissions {
        let inbox = PermissionDeriver.inboxPrefix(for: SecretsLayout.adminUser)
        return DerivedPermissions(
            publishAllow: ["$JS.API.>", "$KV.\(ProvisionBucket.defaultName).>"], subscribeAllow: ["\(inbox).>"],
            allowResponses: false, inboxPrefix: inbox)
    }

    /// The system user is unrestricted inside `SYS` (monitoring requests need `$SYS.>` both ways).
    public static var systemPermissions: DerivedPermissions {
        DerivedPermissions(publishAllow: [], subscribeAllow: [], allowResponses: false, inboxPrefix: "_INBOX")
    }

    /// JWT permissions. An empty allow list would mean "everything" in a JWT (the field is
    /// omitted), so a user with no publish grant gets `deny: [">"]` instead.
    public static func jwtPermissions(_ derived: DerivedPermissions, restricted: Bool = true) -> Permissions {
        guard restricted else { return Permissions() }
        return Permissions(
            publish: subjectPermission(allow: derived.publishAllow, deny: derived.publishDeny),
            subscribe: subjectPermission(allow: derived.subscribeAllow, deny: derived.subscribeDeny),
            response: derived.allowResponses ? ResponsePermission(maxMessages: 1) : nil)
    }

    /// The same rule for the static config: allow lists, or a deny-all when nothing is allowed.
    public static func subjectPermission(allow: [String], deny: [String]) -> SubjectPermission {
        if allow.isEmpty && deny.isEmpty { return SubjectPermission(deny: [">"]) }
        return SubjectPermission(allow: allow, deny: deny)
    }

    /// A tenant's account limits: JetStream enabled with the tenant's limits (unset = -1,
    /// unlimited), and the connection limits.
    public static func accountLimits(_ limits: Tenant.Limits) -> AccountLimits {
        AccountLimits(
            subscriptions: limits.maxSubscriptions ?? -1, data: limits.maxData ?? -1, payload: limits.maxPayload ?? -1,
            connections: limits.maxConnections ?? -1,
            jetStream: JetStreamLimits(
                memoryStorage: limits.maxMem ?? -1, diskStorage: limits.maxFile ?? -1, streams: limits.maxStreams ?? -1,
                consumers: limits.maxConsumers ?? -1, maxAckPending: limits.maxAckPending ?? -1,
                maxBytesRequired: limits.maxBytesRequired ?? false))
    }
}
