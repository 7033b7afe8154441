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
