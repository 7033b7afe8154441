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
