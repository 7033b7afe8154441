/// Writes YAML for `explain`: block style, keys in schema order, scalars quoted only when needed.
struct YAMLWriter {
    private(set) var text = ""

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent) + content + "\n"
    }

    mutating func comment(_ content: String) { line(0, "# " + content) }

    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "", "unlimited"]
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "_-./".contains($0) }
            && !reserved.contains(text.lowercased())
            && Int64(text) == nil && Double(text) == nil
            && !(text.first.map { "-.".contains($0) } ?? true)
        if safe { return text }
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }

    static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
}
