/// Builds nats-server config text: indented blocks, every string value double-quoted with `"`
/// and `\` escaped (the config lexer would otherwise read `$NAME` as a variable, `#` as a comment
/// and `:`/`=` as separators).
struct ConfigText {
    private(set) var lines: [String] = []
    private var depth = 0

    static func quoted(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }

    mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    mutating func string(_ key: String, _ value: String) { line("\(key): \(Self.quoted(value))") }
    mutating func number(_ key: String, _ value: Int64) { line("\(key): \(value)") }
    mutating func bool(_ key: String, _ value: Bool) { line("\(key): \(value)") }

    mutating func block(_ key: String, _ body: (inout ConfigText) -> Void) {
        line("\(key) {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    mutating func blank() { lines.append("") }

    /// Lines written verbatim (a fragment rendered elsewhere, e.g. `OperatorModeConfig`).
    mutating func raw(_ text: String) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) where !part.isEmpty {
            line(String(part))
        }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
