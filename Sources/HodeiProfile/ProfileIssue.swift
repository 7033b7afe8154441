/// One problem found while loading or validating a profile.
public struct ProfileIssue: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public let severity: Severity
    /// A stable identifier of the rule (`unknown-key`, `overlapping-subjects`, ...).
    public let rule: String
    public let location: SourceLocation?
    /// Dotted path of the value (`tenants.acme.streams.HODEI_EVENTS.max_age`); empty for the document.
    public let keyPath: String
    public let message: String
    /// How to fix it, in one sentence; empty when the message says it all.
    public let hint: String

    public init(
        _ severity: Severity, rule: String, at location: SourceLocation?, keyPath: String,
        message: String, hint: String = ""
    ) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    /// The same issue with another severity (`--strict` promotes warnings).
    public func with(severity: Severity) -> ProfileIssue {
        ProfileIssue(severity, rule: rule, at: location, keyPath: keyPath, message: message, hint: hint)
    }

    /// `file:line:col: error: key.path: message (hint)` — one line, as compilers print.
    public var description: String {
        var text = "\(location.map(\.description) ?? "<profile>"): \(severity.rawValue): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        if !hint.isEmpty { text += " (fix: \(hint))" }
        return text
    }

    /// Issues sort by file, line, column, then key path, so output is stable and reads top-down.
    public static func < (lhs: ProfileIssue, rhs: ProfileIssue) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (lhs.keyPath, lhs.rule, lhs.message) < (rhs.keyPath, rhs.rule, rhs.message)
        }
    }
}
