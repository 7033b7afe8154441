/// `explain`: the effective profile (after extends, defaults and variables) as YAML, with secrets
/// masked, followed by every user's derived permissions.
public enum ProfileExplainer {
    public static func explain(_ profile: Profile) -> String {
        var writer = YAMLWriter()
        let directory = parent(of: profile.sourceFile)
        let files = profile.sourceFiles.map { relative($0, to: directory) }
        writer.comment("effective profile of \(files.first ?? "")"
                       + (files.count > 1 ? " (extends \(files.dropFirst().joined(separator: " → ")))" : ""))
        writer.comment("after extends, defaults and variables; secrets are masked")
        for field in ProfileSchema.root.fields {
            // Defaults are already inside every tenant; show them only where no tenant carries them.
            if field.name == "defaults" && !profile.tenants.isEmpty { continue }
            if field.name == "extends" { continue }
            guard let value = profile.document[field.name] else { continue }
            write(field.name, value, field.type, indent: 0, directory: directory, into: &writer)
        }
        let permissions = PermissionDeriver.permissions(for: profile)
        if !permissions.isEmpty {
            writer.line(0, "")
            writer.comment("derived permissions (least privilege from roles); clients must use the inbox prefix")
            writer.line(0, "permissions:")
            var currentTenant = ""
            for entry in permissions {
                if entry.tenant != currentTenant {
                    writer.line(1, YAMLWriter.scalar(entry.tenant) + ":")
                    currentTenant = entry.tenant
                }
                let p = entry.permissions
                writer.line(2, YAMLWriter.scalar(entry.user) + ":")
                writer.line(3, "inbox_prefix: \(YAMLWriter.scalar(p.inboxPrefix))")
                writer.line(3, "publish:")
                writer.line(4, "allow: \(YAMLWriter.list(p.publishAllow))")
                if !p.publishDeny.isEmpty { writer.line(4, "deny: \(YAMLWriter.list(p.publishDeny))") }
                writer.line(3, "subscribe:")
                writer.line(4, "allow: \(YAMLWriter.list(p.subscribeAllow))")
                if !p.subscribeDeny.isEmpty { writer.line(4, "deny: \(YAMLWriter.list(p.subscribeDeny))") }
                writer.line(3, "allow_responses: \(p.allowResponses)")
            }
        }
        return writer.text
    }

    private static func write(_ key: String, _ value: ProfileValue, _ type: SchemaType, indent: Int, directory: String, into writer: inout YAMLWriter) {
        let label = YAMLWriter.scalar(key) + ":"
        switch (value, type) {
        case let (.object(entries), .object(fields)):
            if entries.isEmpty { writer.line(indent, label + " {}"); return }
            writer.line(indent, label)
            for field in fields {
                guard let child = entries.first(where: { $0.key == field.name }) else { continue }
                write(field.name, child.value, field.type, indent: indent + 1, directory: directory, into: &writer)
            }
        case let (.object(entries), .map(valueType)):
            if entries.isEmpty { writer.line(indent, label + " {}"); return }
            writer.line(indent, label)
            for entry in entries.sorted(by: { $0.key < $1.key }) {
                write(entry.key, entry.value, valueType, indent: indent + 1, directory: directory, into: &writer)
            }
        case let (.list(items), .list(itemType)):
            if case .scalar = itemType {
                writer.line(indent, label + " [" + items.map { scalar($0, directory: directory) }.joined(separator: ", ") + "]")
            } else {
                writer.line(indent, label + (items.isEmpty ? " []" : ""))
                for item in items {
                    var nested = YAMLWriter()
                    write("item", item, itemType, indent: 0, directory: directory, into: &nested)
                    let lines = nested.text.split(separator: "\n").dropFirst()
                    for (index, line) in lines.enumerated() {
                        writer.line(indent + 1, (index == 0 ? "- " : "  ") + line.dropFirst(2))
                    }
                }
            }
        default:
            writer.line(indent, label + " " + scalar(value, directory: directory))
        }
    }

    private static func scalar(_ value: ProfileValue, directory: String) -> String {
        switch value {
        case let .string(text): return YAMLWriter.scalar(text)
        case let .path(_, resolved): return YAMLWriter.scalar(relative(resolved, to: directory))
        case let .int(number): return number == -1 ? "unlimited" : "\(number)"
        case let .bool(flag): return "\(flag)"
        case let .duration(nanos): return Quantities.formatDuration(nanos)
        case let .size(bytes): return Quantities.formatSize(bytes)
        case let .secret(secret): return YAMLWriter.scalar(secret.description)
        case .list, .object: return "{}"
        }
    }

    static func parent(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return String(file[..<slash])
    }

    /// `path` relative to `directory` (both normalised, both relative or both absolute).
    static func relative(_ path: String, to directory: String) -> String {
        guard path.hasPrefix("/") == directory.hasPrefix("/") else { return path }
        let target = path.split(separator: "/"), base = directory == "." ? [] : directory.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
