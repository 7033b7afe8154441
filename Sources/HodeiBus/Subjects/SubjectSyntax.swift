/// NATS subject syntax: dot-separated non-empty tokens, no whitespace; in filters `*` is exactly
/// one token and `>` is the last token standing for one or more tokens.
enum SubjectSyntax {
    static let maxLength = 255

    static func validateSubject(_ subject: String) throws(EventBusError) {
        if let problem = problem(in: subject, allowWildcards: false) {
            throw EventBusError.invalidSubject(subject, reason: problem)
        }
    }

    static func validateFilter(_ filter: String) throws(EventBusError) {
        if let problem = problem(in: filter, allowWildcards: true) {
            throw EventBusError.invalidFilter(filter, reason: problem)
        }
    }

    private static func problem(in text: String, allowWildcards: Bool) -> String? {
        if text.isEmpty { return "is empty" }
        if text.utf8.count > maxLength { return "is longer than \(maxLength) bytes" }
        let tokens = text.split(separator: ".", omittingEmptySubsequences: false)
        for (i, token) in tokens.enumerated() {
            if token.isEmpty { return "token \(i + 1) is empty (leading, trailing or double '.')" }
            if token.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } == true }) {
                return "token \(i + 1) '\(token)' contains whitespace or a control character"
            }
            if token == "*" || token == ">" {
                if !allowWildcards { return "token \(i + 1) is the wildcard '\(token)', not allowed in a subject" }
                if token == ">" && i != tokens.count - 1 { return "'>' must be the last token" }
            } else if token.contains("*") || token.contains(">") {
                return "token \(i + 1) '\(token)' mixes a wildcard with other characters; '*' and '>' must be whole tokens"
            }
        }
        return nil
    }
}
