/// Block-style YAML text for exported profiles: two-space indent, scalars quoted only when the
/// profile loader would read them as something else (a number, a bool, `unlimited`, a flow token).
struct ProfileYAML {
    private(set) var text = ""

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent) + content + "\n"
    }

    mutating func append(_ other: ProfileYAML) { text += other.text }

    mutating func comment(_ indent: Int, _ content: String) { line(indent, "# " + content) }

    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "", "unlimited", "y", "n"]
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "_-./".contains($0) }
            && !reserved.contains(text.lowercased())
            && Int64(text) == nil && Double(text) == nil
            && !(text.first.map { "-.".contains($0) } ?? true)
        if plain { return text }
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// A mapping key: plain when safe, quoted otherwise (metadata keys may hold anything).
    static func key(_ text: String) -> String { scalar(text) }

    static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
}
