/// One stream or consumer in the plan.
public struct PlannedResource: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    public var kind: ResourceKind
    public var action: PlanAction
    public var changes: [FieldChange]
    /// Why this action, in words (e.g. "removed from the profile", "storage cannot change after creation").
    public var reason: String?
    public var dataLoss: DataLoss?
    /// Why this step will not be executed (needs --allow-replace, --prune, prevent_delete, ...), or nil.
    public var blocked: String?
    /// A consumer deleted because its stream is deleted or replaced: the applier sends nothing for it.
    public var impliedBy: ResourceAddress?
    /// The exact config the applier sends for create/update/replace (ownership marker included); nil otherwise.
    public var config: [String: JSONValue]?

    public init(
        address: ResourceAddress, kind: ResourceKind, action: PlanAction, changes: [FieldChange] = [],
        reason: String? = nil, dataLoss: DataLoss? = nil, blocked: String? = nil, impliedBy: ResourceAddress? = nil,
        config: [String: JSONValue]? = nil
    ) {
        self.address = address
        self.kind = kind
        self.action = action
        self.changes = changes
        self.reason = reason
        self.dataLoss = dataLoss
        self.blocked = blocked
        self.impliedBy = impliedBy
        self.config = config
    }

    enum CodingKeys: String, CodingKey {
        case address, kind, action, changes, reason, blocked, config
        case dataLoss = "data_loss"
        case impliedBy = "implied_by"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        address = try c.decode(ResourceAddress.self, forKey: .address)
        kind = try c.decode(ResourceKind.self, forKey: .kind)
        action = try c.decode(PlanAction.self, forKey: .action)
        changes = try c.decodeIfPresent([FieldChange].self, forKey: .changes) ?? []
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        dataLoss = try c.decodeIfPresent(DataLoss.self, forKey: .dataLoss)
        blocked = try c.decodeIfPresent(String.self, forKey: .blocked)
        impliedBy = try c.decodeIfPresent(ResourceAddress.self, forKey: .impliedBy)
        config = try c.decodeIfPresent([String: JSONValue].self, forKey: .config)
    }

    public func encode(to encoder: any Encoder) throws {
        // Every key always present (null when empty): a stable schema for scripts.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(address, forKey: .address)
        try c.encode(kind, forKey: .kind)
        try c.encode(action, forKey: .action)
        try c.encode(changes, forKey: .changes)
        try c.encode(reason, forKey: .reason)
        try c.encode(dataLoss, forKey: .dataLoss)
        try c.encode(blocked, forKey: .blocked)
        try c.encode(impliedBy, forKey: .impliedBy)
        try c.encode(config, forKey: .config)
    }

    /// True when the applier will send a request for this resource.
    public var isExecutable: Bool {
        blocked == nil && impliedBy == nil && [.create, .update, .replace, .delete].contains(action)
    }

    /// Delete or replace that is not blocked: data goes away.
    public var isDestructive: Bool {
        blocked == nil && (action == .delete || action == .replace)
    }

    public var streamConfig: StreamConfig? { kind == .stream ? config.map(StreamConfig.init(fields:)) : nil }
    public var consumerConfig: ConsumerConfig? { kind == .consumer ? config.map(ConsumerConfig.init(fields:)) : nil }
}
