/// Whether a planned resource is a stream or a consumer.
public enum ResourceKind: String, Sendable, Hashable, Codable {
    case tenant, stream, consumer
}

/// What the catalogue knows about one config field: when the server learned it, whether an update may
/// change it, what the server fills in when it is absent, and how two values compare.
public struct FieldSpec: Sendable {
    public let key: String
    public let kind: ResourceKind
    /// First server release that understands the field. Older servers ignore it silently (2.9 drops
    /// `metadata` and `compression` without an error), so the planner refuses it instead.
    public let since: ServerVersion
    public let mutability: FieldMutability
    public let defaultValue: FieldDefault
    public let comparison: FieldComparison
    public let display: FieldDisplay

    public init(
        _ key: String, _ kind: ResourceKind, since: ServerVersion, mutability: FieldMutability = .mutable,
        default defaultValue: FieldDefault = .zero, comparison: FieldComparison = .exact, display: FieldDisplay = .plain
    ) {
        self.key = key
        self.kind = kind
        self.since = since
        self.mutability = mutability
        self.defaultValue = defaultValue
        self.comparison = comparison
        self.display = display
    }
}

/// Which changes of a field the server refuses on update (so the resource must be replaced).
public indirect enum FieldMutability: Sendable, Hashable {
    case mutable
    /// Any change is refused.
    case immutable(reason: String)
    /// May be turned on, never off (`deny_delete`, `sealed`, `allow_msg_ttl`, ...).
    case cannotDisable(reason: String)
    /// `retention`: limits ⇄ interest is fine, to or from workqueue is refused.
    case workqueueBoundary(reason: String)
    /// `mirror`: may be removed, never added or changed.
    case removableOnly(reason: String)
    /// `deliver_subject`: its value may change, but not appear or disappear (push ⇄ pull).
    case presenceFixed(reason: String)
    /// The rule changed in a server release: `before` applies to older servers, `after` from `version` on.
    case changed(in: ServerVersion, before: FieldMutability, after: FieldMutability)

    /// The reason the server would refuse changing `old` to `new`, or nil when the update is allowed.
    /// Values are normalised: nil means absent (the default).
    public func refusal(old: JSONValue?, new: JSONValue?, on server: ServerVersion) -> String? {
        guard old != new else { return nil }
        switch self {
        case .changed(let version, let before, let after):
            return (server < version ? before : after).refusal(old: old, new: new, on: server)
        case .mutable:
            return nil
        case .immutable(let reason):
            return reason
        case .cannotDisable(let reason):
            let wasOn = old?.boolValue ?? false
            let isOn = new?.boolValue ?? false
            return wasOn && !isOn ? reason : nil
        case .workqueueBoundary(let reason):
            let workqueue = JSONValue.string(RetentionPolicy.workqueue.rawValue)
            return old == workqueue || new == workqueue ? reason : nil
        case .removableOnly(let reason):
            return new == nil ? nil : reason
        case .presenceFixed(let reason):
            return (old == nil) != (new == nil) ? reason : nil
        }
    }
}

/// What the server uses when a field is absent; absent and the default compare equal.
public enum FieldDefault: Sendable {
    /// Unknown or environment-dependent (e.g. `placement`): compared only when the profile sets it.
    case unknown
    /// The zero value (false, 0, "", [], {}) which JetStream treats as "not set".
    case zero
    case value(JSONValue)
    /// Computed from the other (already normalised) fields, e.g. `subjects` defaults to `[name]`.
    case derived(@Sendable ([String: JSONValue]) -> JSONValue?)
}

/// How two values of a field compare.
public enum FieldComparison: Sendable, Hashable {
    case exact
    /// An array of strings compared as a set (`subjects`, `filter_subjects`).
    case stringSet
    /// A string map whose `_nats.*` keys are the server's and are ignored.
    case metadata
}

/// How the human plan shows a value.
public enum FieldDisplay: Sendable, Hashable {
    case plain
    /// Nanoseconds shown as `1h30m`, `30s`, `500ms`.
    case duration
    /// An array of nanosecond durations.
    case durations
}
