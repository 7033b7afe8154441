/// The exact NATS permissions of one user, derived from its roles. Lists are sorted and free of
/// duplicates, so rendering them twice gives the same bytes.
public struct DerivedPermissions: Sendable, Equatable, Codable {
    public let publishAllow: [String]
    public let publishDeny: [String]
    public let subscribeAllow: [String]
    public let subscribeDeny: [String]
    /// Whether the user may publish to the reply subject of a request it received (`allow_responses`).
    public let allowResponses: Bool
    /// The inbox prefix the user's clients must set (`natsOptions_SetCustomInboxPrefix`,
    /// nats-py `inbox_prefix`): request replies and JetStream API answers arrive under `<prefix>.>`.
    public let inboxPrefix: String

    public init(
        publishAllow: [String], publishDeny: [String] = [], subscribeAllow: [String], subscribeDeny: [String] = [],
        allowResponses: Bool, inboxPrefix: String
    ) {
        self.publishAllow = Array(Set(publishAllow)).sorted()
        self.publishDeny = Array(Set(publishDeny)).sorted()
        self.subscribeAllow = Array(Set(subscribeAllow)).sorted()
        self.subscribeDeny = Array(Set(subscribeDeny)).sorted()
        self.allowResponses = allowResponses
        self.inboxPrefix = inboxPrefix
    }
}
