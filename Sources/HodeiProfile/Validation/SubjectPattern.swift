/// NATS subject syntax and set relations between subject patterns (`*` one token, `>` the rest).
public enum SubjectPattern {
    /// nil when valid, else what is wrong.
    public static func problem(in subject: String) -> String? {
        if subject.isEmpty { return "empty subject" }
        if subject.contains(where: { $0.isWhitespace }) { return "subjects cannot contain whitespace" }
        let tokens = subject.split(separator: ".", omittingEmptySubsequences: false)
        for (index, token) in tokens.enumerated() {
            if token.isEmpty { return "empty token (leading, trailing or double '.')" }
            if token.contains(">") && (token != ">" || index != tokens.count - 1) {
                return "'>' must be the whole last token"
            }
            if token.contains("*") && token != "*" { return "'*' must be a whole token" }
        }
        return nil
    }

    /// Whether some concrete subject matches both patterns.
    public static func overlaps(_ a: String, _ b: String) -> Bool {
        let x = tokens(a), y = tokens(b)
        var i = 0
        while true {
            if i == x.count || i == y.count { return i == x.count && i == y.count }
            if x[i] == ">" || y[i] == ">" { return true }
            if x[i] != "*" && y[i] != "*" && x[i] != y[i] { return false }
            i += 1
        }
    }

    /// Whether every subject matched by `inner` is matched by `outer`.
    public static func covers(_ outer: String, _ inner: String) -> Bool {
        let x = tokens(outer), y = tokens(inner)
        var i = 0
        while true {
            if i == x.count { return i == y.count }
            if x[i] == ">" { return i < y.count }
            if i == y.count || y[i] == ">" { return false }
            if x[i] == "*" {
                i += 1
                continue
            }
            if y[i] == "*" || x[i] != y[i] { return false }
            i += 1
        }
    }

    static func tokens(_ subject: String) -> [Substring] {
        subject.split(separator: ".", omittingEmptySubsequences: false)
    }
}
