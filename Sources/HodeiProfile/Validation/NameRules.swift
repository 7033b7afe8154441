/// Names of tenants, users, streams and consumers: they become account names, file names and
/// subject tokens (`$JS.API.STREAM.INFO.<name>`, `_INBOX_<user>`), so the set is conservative.
enum NameRules {
    static let maxLength = 64

    static func problem(in name: String) -> String? {
        if name.isEmpty { return "empty name" }
        if name.count > maxLength { return "longer than \(maxLength) characters" }
        if let bad = name.first(where: { $0.isWhitespace || ".*>/\\".contains($0) || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true }) {
            let shown = bad.isWhitespace ? "whitespace" : "'\(bad)'"
            return "contains \(shown); names may not contain whitespace, '.', '*', '>', '/' or '\\'"
        }
        return nil
    }

    static func check(_ name: String, kind: String, keyPath: String, into collector: inout IssueCollector) {
        if let problem = problem(in: name) {
            collector.error("invalid-name", keyPath, "\(kind) name '\(name)' is invalid: \(problem)",
                            hint: "use letters, digits, '-' and '_'")
        }
    }
}
