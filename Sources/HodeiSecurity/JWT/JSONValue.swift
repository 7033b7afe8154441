/// A JSON value whose objects keep their key order, so that claims serialize in the field order
/// Go's `encoding/json` emits for the nats-io/jwt structs (struct order, map keys sorted).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value == value.rounded(): return Int64(exactly: value)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var stringArray: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }
}

/// Builds objects the way Go's `omitempty` does: zero numbers, false, "" and empty lists are left
/// out; nested structs are always written (Go never omits a struct value).
struct GoObject {
    private(set) var members: [(String, JSONValue)] = []

    mutating func omitEmpty(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { members.append((key, .string(value))) }
    }

    mutating func omitEmpty(_ key: String, _ value: Int64?) {
        if let value, value != 0 { members.append((key, .int(value))) }
    }

    mutating func omitEmpty(_ key: String, _ value: Bool?) {
        if value == true { members.append((key, .bool(true))) }
    }

    mutating func omitEmpty(_ key: String, _ value: [String]) {
        if !value.isEmpty { members.append((key, .array(value.map(JSONValue.string)))) }
    }

    mutating func omitEmpty(_ key: String, _ value: [JSONValue]) {
        if !value.isEmpty { members.append((key, .array(value))) }
    }

    mutating func always(_ key: String, _ value: JSONValue) {
        members.append((key, value))
    }

    mutating func merge(_ other: GoObject) {
        members.append(contentsOf: other.members)
    }

    var value: JSONValue { .object(members) }
}
