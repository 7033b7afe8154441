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
