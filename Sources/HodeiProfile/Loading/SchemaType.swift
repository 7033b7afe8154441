/// The shape of the profile language: one table that the loader checks against, the JSON Schema
/// generator prints and the documentation test reads, so the three cannot drift apart.
indirect enum SchemaType: Sendable {
    /// Fixed keys.
    case object([SchemaField])
    /// Keys chosen by the user (tenant, stream, consumer, user names; metadata keys).
    case map(SchemaType)
    case list(SchemaType)
    case scalar(ScalarKind)

    var fields: [SchemaField] {
        if case let .object(fields) = self { return fields }
        return []
    }
}

struct SchemaField: Sendable {
    let name: String
    let type: SchemaType
    let doc: String
    let required: Bool

    init(_ name: String, _ type: SchemaType, required: Bool = false, _ doc: String) {
        self.name = name
        self.type = type
        self.doc = doc
        self.required = required
    }
}

enum ScalarKind: Sendable {
    case string
    /// A resource name (tenant, user, stream, consumer): checked by validation.
    case name
    case subject
    case integer(min: Int64, max: Int64, unlimited: Bool)
    case bool
    /// Nanoseconds. `unlimitedAs`: the wire value `unlimited` stands for (nil: not accepted).
    case duration(min: Int64, max: Int64, unlimitedAs: Int64?)
    /// Bytes; `unlimited` = -1 when accepted.
    case size(min: Int64, max: Int64, unlimited: Bool)
    case choice([String])
    case version
    /// A file path, relative to the profile file that wrote it.
    case path
    /// `file:path` or `${VAR}`: held as a `Secret`.
    case secret
    case url
    /// RFC 3339 time (`2026-01-01T00:00:00Z`).
    case time
    /// Free text or another free-form string.
    case text
}
