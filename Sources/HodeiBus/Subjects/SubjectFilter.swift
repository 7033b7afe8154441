/// A NATS subject filter: `*` matches exactly one token, `>` (last token) one or more tokens.
/// `SubjectFilter.all` (`>`) matches every event of a bus.
public struct SubjectFilter: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let pattern: String
    private let tokens: [Substring]

    /// Matches everything the bus carries.
    public static let all = SubjectFilter(validated: ">")

    public init(_ pattern: String) throws(EventBusError) {
        try SubjectSyntax.validateFilter(pattern)
        self.init(validated: pattern)
    }

    /// For literals in code (`"hodei.events.job.*"`); an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        do {
            try self.init(value)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    private init(validated pattern: String) {
        self.pattern = pattern
        self.tokens = pattern.split(separator: ".", omittingEmptySubsequences: false)
    }

    public var description: String { pattern }

    /// Whether the filter has no wildcard (matches exactly one subject).
    public var isLiteral: Bool { !tokens.contains { $0 == "*" || $0 == ">" } }

    /// NATS matching of a concrete subject (tokens compared exactly, case-sensitive).
    public func matches(_ subject: String) -> Bool {
        var remaining = subject[...]
        for (i, token) in tokens.enumerated() {
            if remaining.isEmpty { return false }
            if token == ">" { return i == tokens.count - 1 }
            let end = remaining.firstIndex(of: ".") ?? remaining.endIndex
            let subjectToken = remaining[remaining.startIndex..<end]
            if subjectToken.isEmpty { return false }
            if token != "*" && token != subjectToken { return false }
            remaining = end == remaining.endIndex ? remaining[end...] : remaining[remaining.index(after: end)...]
            if end != subject.endIndex && remaining.isEmpty { return false } // trailing '.'
        }
        return remaining.isEmpty
    }
}
