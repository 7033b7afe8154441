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
