import Foundation

/// Checks a `LocatedNode` tree against the schema: unknown keys (with did-you-mean), types,
/// variables, units and ranges. Collects every issue instead of stopping at the first, and records
/// the location of every value under its key path.
struct SchemaDecoder {
    let expander: VariableExpander
    let readSecretFile: @Sendable (String) -> String?
    private(set) var issues: [ProfileIssue] = []
    private(set) var locations: [String: SourceLocation] = [:]

    init(expander: VariableExpander, readSecretFile: @escaping @Sendable (String) -> String?) {
        self.expander = expander
        self.readSecretFile = readSecretFile
    }

    mutating func decode(_ node: LocatedNode, as type: SchemaType, path: String, keyLocation: SourceLocation?) -> ProfileValue? {
        switch type {
        case let .object(fields):
            locations[path] = keyLocation ?? node.location
            guard let entries = mappingEntries(node, path: path) else { return nil }
            var result: [ProfileValue.Entry] = []
            for entry in entries {
                let childPath = join(path, entry.key)
                guard let field = fields.first(where: { $0.name == entry.key }) else {
                    let names = fields.map(\.name)
                    let suggestion = DidYouMean.suggestion(for: entry.key, among: names)
                    error("unknown-key", entry.keyLocation, childPath,
                          "unknown key '\(entry.key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                          hint: suggestion.map { "rename it to '\($0)'" }
                              ?? "valid keys here: \(names.joined(separator: ", "))")
                    continue
                }
                if let value = decode(entry.value, as: field.type, path: childPath, keyLocation: entry.keyLocation) {
                    result.append(.init(key: entry.key, value: value))
                }
            }
            for field in fields where field.required && !entries.contains(where: { $0.key == field.name }) {
                error("missing-key", keyLocation ?? node.location, join(path, field.name),
                      "required key '\(field.name)' is missing", hint: "add '\(field.name):' here")
            }
            return .object(result)
        case let .map(valueType):
            locations[path] = keyLocation ?? node.location
            guard let entries = mappingEntries(node, path: path) else { return nil }
            var result: [ProfileValue.Entry] = []
            for entry in entries {
                var value = entry.value
                // `globex:` with nothing after it means an empty tenant/user/stream.
                if case .object = valueType, case let .scalar(text, true, location) = value, text.isEmpty || text == "null" || text == "~" {
                    value = .mapping([], location)
                }
                if let decoded = decode(value, as: valueType, path: join(path, entry.key), keyLocation: entry.keyLocation) {
                    result.append(.init(key: entry.key, value: decoded))
                }
            }
            return .object(result)
        case let .list(itemType):
            locations[path] = keyLocation ?? node.location
            let items: [LocatedNode]
            switch node {
            case let .sequence(children, _): items = children
            case .scalar where isNull(node):
                items = []
            default:
                error("wrong-type", node.location, path, "expected a list, found \(node.kindName)",
                      hint: "write it as [a, b] or as '- item' lines")
                return nil
            }
            var result: [ProfileValue] = []
            for (index, item) in items.enumerated() {
                if let value = decode(item, as: itemType, path: "\(path)[\(index)]", keyLocation: nil) {
                    result.append(value)
                }
            }
            return .list(result)
        case let .scalar(kind):
            guard case let .scalar(raw, plain, location) = node else {
                error("wrong-type", node.location, path, "expected \(describe(kind)), found \(node.kindName)")
                return nil
            }
            locations[path] = location
            return scalar(raw, plain: plain, kind: kind, at: location, path: path)
        }
    }

    private mutating func mappingEntries(_ node: LocatedNode, path: String) -> [LocatedNode.Entry]? {
        switch node {
        case let .mapping(entries, _): return entries
        case .scalar where isNull(node): return []
        default:
            error("wrong-type", node.location, path, "expected a mapping, found \(node.kindName)",
                  hint: "write 'key: value' pairs indented under it")
            return nil
        }
    }

    private func isNull(_ node: LocatedNode) -> Bool {
        if case let .scalar(text, true, _) = node { return text.isEmpty || text == "null" || text == "~" }
        return false
    }

    private mutating func scalar(_ raw: String, plain: Bool, kind: ScalarKind, at location: SourceLocation, path: String) -> ProfileValue? {
        if case .secret = kind { return secret(raw, at: location, path: path) }
        let text: String
        switch expander.expand(raw) {
        case let .success(expanded): text = expanded
        case let .failure(.unset(name)):
            error("unset-variable", location, path, "environment variable \(name) is not set and has no default",
                  hint: "export \(name)=... or write ${\(name):-default}")
            return nil
        case let .failure(.malformed(reference)):
            error("bad-variable", location, path, "malformed variable reference \(reference)",
                  hint: "write ${NAME} or ${NAME:-default}; $$ for a literal $")
            return nil
        }
        switch kind {
        case .string, .name, .subject, .text, .url:
            return .string(text)
        case let .choice(options):
            guard options.contains(text) else {
                let suggestion = DidYouMean.suggestion(for: text, among: options)
                error("invalid-choice", location, path,
                      "'\(text)' is not one of \(options.joined(separator: ", "))"
                          + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
                return nil
            }
            return .string(text)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default:
                error("invalid-bool", location, path, "'\(text)' is not a boolean", hint: "write true or false")
                return nil
            }
        case let .integer(min, max, unlimited):
            if text == "unlimited" {
                guard unlimited else {
                    error("invalid-integer", location, path, "'unlimited' is not accepted here", hint: "give a number between \(min) and \(max)")
                    return nil
                }
                return .int(-1)
            }
            let cleaned = text.contains("_") ? text.filter { $0 != "_" } : text
            guard let value = Int64(cleaned) else {
                error("invalid-integer", location, path, "'\(text)' is not an integer",
                      hint: unlimited ? "write a whole number or 'unlimited'" : "write a whole number")
                return nil
            }
            return ranged(value, min: min, max: max, unlimited: unlimited, at: location, path: path, format: { "\($0)" }).map(ProfileValue.int)
        case let .duration(min, max, unlimitedAs):
            if text == "unlimited", let unlimitedAs { return .duration(unlimitedAs) }
            guard let value = Quantities.parseDuration(text) else {
                error("invalid-duration", location, path, "'\(text)' is not a duration",
                      hint: "use a number with a unit: 500ms, 30s, 2m, 1h30m, 7d" + (unlimitedAs != nil ? " or 'unlimited'" : ""))
                return nil
            }
            return ranged(value, min: min, max: max, unlimited: false, at: location, path: path, format: Quantities.formatDuration).map(ProfileValue.duration)
        case let .size(min, max, unlimited):
            if text == "unlimited" {
                guard unlimited else {
                    error("invalid-size", location, path, "'unlimited' is not accepted here", hint: "give a size such as 1MiB")
                    return nil
                }
                return .size(-1)
            }
            guard let value = Quantities.parseSize(text) else {
                error("invalid-size", location, path, "'\(text)' is not a size",
                      hint: "use bytes or a unit: 512MiB, 10GiB, 1GB" + (unlimited ? " or 'unlimited'" : ""))
                return nil
            }
            return ranged(value, min: min, max: max, unlimited: unlimited, at: location, path: path, format: Quantities.formatSize).map(ProfileValue.size)
        case .version:
            guard ServerVersion(text) != nil else {
                error("invalid-version", location, path, "'\(text)' is not a server version", hint: "write it as \"2.10\" or \"2.10.3\"")
                return nil
            }
            return .string(text)
        case .time:
            guard Self.parseTime(text) != nil else {
                error("invalid-time", location, path, "'\(text)' is not an RFC 3339 time", hint: "write it as 2026-01-31T12:00:00Z")
                return nil
            }
            return .string(text)
        case .path:
            guard !text.isEmpty else {
                error("invalid-path", location, path, "empty path")
                return nil
            }
            return .path(written: text, resolved: Self.resolve(text, relativeTo: location.file))
        case .secret:
            return nil
        }
    }

    private mutating func ranged(
        _ value: Int64, min: Int64, max: Int64, unlimited: Bool, at location: SourceLocation, path: String,
        format: (Int64) -> String
    ) -> Int64? {
        guard value >= min, value <= max else {
            error("out-of-range", location, path,
                  "\(format(value)) is out of range \(format(min))...\(format(max))",
                  hint: unlimited ? "give a value in range or 'unlimited'" : "give a value in range")
            return nil
        }
        return value
    }

    private mutating func secret(_ raw: String, at location: SourceLocation, path: String) -> ProfileValue? {
        if raw.hasPrefix("file:") {
            let file = Self.resolve(String(raw.dropFirst(5)), relativeTo: location.file)
            guard let contents = readSecretFile(file) else {
                error("secret-file", location, path, "secret file \(raw.dropFirst(5)) cannot be read",
                      hint: "create it (mode 0600) or fix the path, relative to this profile")
                return nil
            }
            return .secret(Secret(reference: raw, value: contents.trimmingCharacters(in: .newlines)))
        }
        guard raw.contains("${") else {
            error("inline-secret", location, path, "secrets must be referenced, not written into a profile",
                  hint: "write file:path/to/secret or ${VARIABLE}")
            return nil
        }
        switch expander.expand(raw) {
        case let .success(value): return .secret(Secret(reference: raw, value: value))
        case let .failure(.unset(name)):
            error("unset-variable", location, path, "environment variable \(name) is not set and has no default",
                  hint: "export \(name)=... or write ${\(name):-default}")
        case let .failure(.malformed(reference)):
            error("bad-variable", location, path, "malformed variable reference \(reference)")
        }
        return nil
    }

    private mutating func error(_ rule: String, _ location: SourceLocation, _ path: String, _ message: String, hint: String = "") {
        issues.append(ProfileIssue(.error, rule: rule, at: location, keyPath: path, message: message, hint: hint))
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func describe(_ kind: ScalarKind) -> String {
        switch kind {
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .duration: return "a duration"
        case .size: return "a size"
        default: return "a scalar"
        }
    }

    /// `path` relative to the directory of `file`, normalised lexically (`a/b/../c` → `a/c`) so
    /// messages keep the relative spelling the user typed.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return normalise(path) }
        let directory = (file as NSString).deletingLastPathComponent
        return normalise(directory.isEmpty ? path : directory + "/" + path)
    }

    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    static func parseTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
