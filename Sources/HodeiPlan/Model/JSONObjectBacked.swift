/// A JetStream config stored as its raw JSON object, so unknown keys survive a decode → encode round trip.
public protocol JSONObjectBacked: Codable, Sendable, Hashable {
    var fields: [String: JSONValue] { get set }
    init(fields: [String: JSONValue])
}

extension JSONObjectBacked {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(fields: try container.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    public subscript(key: String) -> JSONValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    func string(_ key: String) -> String? { fields[key]?.stringValue }
    mutating func setString(_ key: String, _ value: String?) { fields[key] = value.map(JSONValue.string) }

    func int(_ key: String) -> Int64? { fields[key]?.intValue }
    mutating func setInt(_ key: String, _ value: Int64?) { fields[key] = value.map(JSONValue.int) }

    func bool(_ key: String) -> Bool? { fields[key]?.boolValue }
    mutating func setBool(_ key: String, _ value: Bool?) { fields[key] = value.map(JSONValue.bool) }

    func strings(_ key: String) -> [String]? { fields[key]?.arrayValue?.compactMap(\.stringValue) }
    mutating func setStrings(_ key: String, _ value: [String]?) {
        fields[key] = value.map { .array($0.map(JSONValue.string)) }
    }

    func ints(_ key: String) -> [Int64]? { fields[key]?.arrayValue?.compactMap(\.intValue) }
    mutating func setInts(_ key: String, _ value: [Int64]?) { fields[key] = value.map { .array($0.map(JSONValue.int)) } }

    func stringMap(_ key: String) -> [String: String]? { fields[key]?.objectValue?.compactMapValues(\.stringValue) }
    mutating func setStringMap(_ key: String, _ value: [String: String]?) {
        fields[key] = value.map { .object($0.mapValues(JSONValue.string)) }
    }

    func enumValue<E: RawRepresentable>(_ key: String, as type: E.Type) -> E? where E.RawValue == String {
        string(key).flatMap(E.init(rawValue:))
    }
    mutating func setEnum<E: RawRepresentable>(_ key: String, _ value: E?) where E.RawValue == String {
        setString(key, value?.rawValue)
    }

    /// Metadata without the keys the server reserves for itself (`_nats.level`, `_nats.ver`, ...).
    public var userMetadata: [String: String] {
        (stringMap("metadata") ?? [:]).filter { !$0.key.hasPrefix(JetStreamReserved.metadataPrefix) }
    }
}

/// Names JetStream reserves.
public enum JetStreamReserved {
    /// Metadata keys the server adds to responses (`_nats.level`, `_nats.ver`, `_nats.req.level`, ...).
    public static let metadataPrefix = "_nats."
}
