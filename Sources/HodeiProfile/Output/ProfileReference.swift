/// The key reference of docs/profile.md, generated from the loader's key table.
public enum ProfileReference {
    public static func markdown() -> String {
        var out = ""
        section("Top level", path: "", type: ProfileSchema.root, into: &out)
        return out
    }

    private static func section(_ title: String, path: String, type: SchemaType, into out: inout String) {
        let fields = type.fields
        guard !fields.isEmpty else { return }
        out += "### \(title)\n\n| key | value | meaning |\n|---|---|---|\n"
        var nested: [(String, String, SchemaType)] = []
        for field in fields {
            out += "| `\(field.name)`\(field.required ? " (required)" : "") | \(describe(field.type)) | \(field.doc.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |\n"
            let child = path.isEmpty ? field.name : "\(path).\(field.name)"
            switch field.type {
            case .object: nested.append((child, child, field.type))
            case let .map(value) where !value.fields.isEmpty: nested.append(("\(child).<name>", "\(child).<name>", value))
            case let .list(item) where !item.fields.isEmpty: nested.append(("\(child)[]", "\(child)[]", item))
            default: break
            }
        }
        out += "\n"
        for (title, childPath, childType) in nested {
            // `defaults` has the tenant's shape; describe it once, under tenants.
            if title == "defaults" { out += "### defaults\n\nSame keys as `tenants.<name>` below.\n\n"; continue }
            section("`\(title)`", path: childPath, type: childType, into: &out)
        }
    }

    private static func describe(_ type: SchemaType) -> String {
        switch type {
        case .object: return "mapping"
        case let .map(value): return "map of name → \(describe(value))"
        case let .list(item): return "list of \(describe(item))"
        case let .scalar(kind):
            switch kind {
            case .string, .text: return "string"
            case .name: return "name"
            case .subject: return "subject"
            case let .integer(min, max, unlimited): return "integer \(min)…\(max)" + (unlimited ? " or `unlimited`" : "")
            case .bool: return "boolean"
            case let .duration(min, max, unlimitedAs):
                return "duration \(Quantities.formatDuration(min))…\(Quantities.formatDuration(max))" + (unlimitedAs.map { " or `unlimited` (= \($0))" } ?? "")
            case let .size(min, max, unlimited):
                return "size \(Quantities.formatSize(min))…\(Quantities.formatSize(max))" + (unlimited ? " or `unlimited`" : "")
            case let .choice(options): return options.map { "`\($0)`" }.joined(separator: " \\| ")
            case .version: return "server version"
            case .path: return "path (relative to the file)"
            case .secret: return "secret reference"
            case .url: return "URL"
            case .time: return "RFC 3339 time"
            }
        }
    }
}
