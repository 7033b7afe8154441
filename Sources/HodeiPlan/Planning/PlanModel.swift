/// What the plan will do to one resource. Raw values are the `action` strings of the JSON schema.
public enum PlanAction: String, Sendable, Hashable, Codable, CaseIterable {
    case create
    case update
    case replace
    case delete
    case noChange = "no-change"
    /// Same name exists on the server without this profile's ownership marker: left alone.
    case unmanaged
    /// Cannot be planned (a field the server does not support, an unreadable tenant, ...).
    case error
}

/// One field that differs: `old` (live, normalised) → `new` (profile, normalised); nil = absent/default.
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    public var old: JSONValue?
    public var new: JSONValue?
    /// Why the server refuses this change in place (so the resource must be replaced), or nil.
    public var forcesReplacement: String?

    public init(field: String, old: JSONValue?, new: JSONValue?, forcesReplacement: String? = nil) {
        self.field = field
        self.old = old
        self.new = new
        self.forcesReplacement = forcesReplacement
    }

    enum CodingKeys: String, CodingKey {
        case field, old, new
        case forcesReplacement = "forces_replacement"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        old = try c.decodeIfPresent(JSONValue.self, forKey: .old)
        new = try c.decodeIfPresent(JSONValue.self, forKey: .new)
        forcesReplacement = try c.decodeIfPresent(String.self, forKey: .forcesReplacement)
    }

    public func encode(to encoder: any Encoder) throws {
        // old/new always present (null = absent) so the schema has fixed keys.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(old ?? .null, forKey: .old)
        try c.encode(new ?? .null, forKey: .new)
        try c.encode(forcesReplacement, forKey: .forcesReplacement)
    }
}

/// What a delete or replace destroys.
public struct DataLoss: Sendable, Hashable, Codable {
    /// Messages stored in the stream (stream delete/replace).
    public var messages: UInt64?
    /// Consumers that disappear with the stream.
    public var consumers: Int?
    /// Consumer delete/replace: messages not yet delivered to it (its position is lost).
    public var pending: UInt64?
    /// Consumer delete/replace: messages delivered but not acknowledged.
    public var ackPending: Int?

    public init(messages: UInt64? = nil, consumers: Int? = nil, pending: UInt64? = nil, ackPending: Int? = nil) {
        self.messages = messages
        self.consumers = consumers
        self.pending = pending
        self.ackPending = ackPending
    }

    enum CodingKeys: String, CodingKey {
        case messages, consumers, pending
        case ackPending = "ack_pending"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.decodeIfPresent(UInt64.self, forKey: .messages)
        consumers = try c.decodeIfPresent(Int.self, forKey: .consumers)
        pending = try c.decodeIfPresent(UInt64.self, forKey: .pending)
        ackPending = try c.decodeIfPresent(Int.self, forKey: .ackPending)
    }

    public func encode(to encoder: any Encoder) throws {
        // Every key present (null when it does not apply to the resource kind).
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messages, forKey: .messages)
        try c.encode(consumers, forKey: .consumers)
        try c.encode(pending, forKey: .pending)
        try c.encode(ackPending, forKey: .ackPending)
    }
}

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
