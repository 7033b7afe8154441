/// Writes block-style YAML: two-space indent, scalars quoted only when needed. `explain` writes
/// through it, and so does the profile exporter in HodeiProvision, so both quote and escape alike.
public struct YAMLWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent) + content + "\n"
    }

    public mutating func comment(_ content: String) { line(0, "# " + content) }

    /// Appends text written apart (a block that is only kept if it turns out non-empty).
    public mutating func append(_ other: YAMLWriter) { text += other.text }

    /// Words a YAML reader (or the profile loader) takes for something other than a string.
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "", "unlimited"]

    /// `text` plain when it reads back as the same string, double-quoted and escaped otherwise.
    /// `alsoQuoting` names further words (lowercased) a caller wants quoted too.
    public static func scalar(_ text: String, alsoQuoting extra: Set<String> = []) -> String {
        let lowercased = text.lowercased()
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "_-./".contains($0) }
            && !reserved.contains(lowercased) && !extra.contains(lowercased)
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

    public static func list(_ items: [String], alsoQuoting extra: Set<String> = []) -> String {
        "[" + items.map { scalar($0, alsoQuoting: extra) }.joined(separator: ", ") + "]"
    }
}
