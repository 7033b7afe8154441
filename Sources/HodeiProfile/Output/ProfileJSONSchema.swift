/// JSON Schema (draft 2020-12) of the profile language, generated from the loader's own key table.
public enum ProfileJSONSchema {
    public static let identifier = "https://hodei.dev/schemas/profile-1.json"

    public static func document() -> JSONValue {
        var root = schema(for: ProfileSchema.root, doc: nil)
        guard case var .object(fields) = root else { return root }
        fields["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        fields["$id"] = .string(identifier)
        fields["title"] = .string("hodei-provision profile")
        fields["description"] = .string("One environment of the Hodei event bus: servers, TLS, auth, cluster, bus and tenants with their users, streams and consumers.")
        root = .object(fields)
        return root
    }

    public static func rendered() -> String { document().rendered() }

    static let variable = JSONValue.object(["type": .string("string"), "pattern": .string("\\$\\{[A-Za-z0-9_]+(:-[^}]*)?\\}")])

    static func schema(for type: SchemaType, doc: String?) -> JSONValue {
        var result: [String: JSONValue]
        switch type {
        case let .object(fields):
            var properties: [String: JSONValue] = [:]
            for field in fields { properties[field.name] = schema(for: field.type, doc: field.doc) }
            result = ["type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false)]
            let required = fields.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { result["required"] = .array(required) }
        case let .map(value):
            result = ["type": .array([.string("object"), .string("null")]), "additionalProperties": schema(for: value, doc: nil)]
        case let .list(item):
            result = ["type": .string("array"), "items": schema(for: item, doc: nil)]
        case let .scalar(kind):
            result = scalar(kind)
        }
        if let doc { result["description"] = .string(doc) }
        return .object(result)
    }

    static func scalar(_ kind: ScalarKind) -> [String: JSONValue] {
        func anyOf(_ options: [JSONValue]) -> [String: JSONValue] { ["anyOf": .array(options + [variable])] }
        switch kind {
        case .string, .text, .url, .path, .time:
            return ["type": .string("string")]
        case .name:
            return ["type": .string("string"), "pattern": .string("^[^\\s.*>/\\\\]{1,64}$")]
        case .subject:
            return ["type": .string("string"), "pattern": .string("^[^\\s.]+(\\.[^\\s.]+)*$")]
        case .secret:
            return ["type": .string("string"), "pattern": .string("^(file:.+|.*\\$\\{[A-Za-z0-9_]+(:-[^}]*)?\\}.*)$")]
        case .version:
            return ["type": .string("string"), "pattern": .string("^v?[0-9]+(\\.[0-9]+){0,2}$")]
        case .bool:
            return anyOf([.object(["type": .string("boolean")])])
        case let .choice(options):
            return anyOf([.object(["enum": .array(options.map(JSONValue.string))])])
        case let .integer(min, max, unlimited):
            var options: [JSONValue] = [.object(["type": .string("integer"), "minimum": .number(min), "maximum": .number(max)])]
            if unlimited { options.append(.object(["const": .string("unlimited")])) }
            return anyOf(options)
        case let .duration(_, _, unlimitedAs):
            var options: [JSONValue] = [.object(["type": .string("string"), "pattern": .string("^(0|([0-9]+(ns|us|µs|ms|s|m|h|d))+)$")])]
            if unlimitedAs != nil { options.append(.object(["const": .string("unlimited")])) }
            return anyOf(options)
        case let .size(min, max, unlimited):
            var options: [JSONValue] = [
                .object(["type": .string("integer"), "minimum": .number(min), "maximum": .number(max)]),
                .object(["type": .string("string"), "pattern": .string("^[0-9]+ ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|K|M|G|T)?$")]),
            ]
            if unlimited { options.append(.object(["const": .string("unlimited")])) }
            return anyOf(options)
        }
    }
}
