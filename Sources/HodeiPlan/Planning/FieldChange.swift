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
