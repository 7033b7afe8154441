/// Every problem found in the `HODEI_*` variables, thrown once. Each issue names the variable,
/// shows its value (masked for secrets) and says what is expected.
public struct EventBusConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public let variable: String
        /// The value as shown to the user: `<redacted>` for passwords and tokens, URL passwords masked.
        public let shownValue: String
        public let expected: String

        public var description: String { "\(variable)=\"\(shownValue)\": expected \(expected)" }
    }

    public let issues: [Issue]

    public var description: String {
        if issues.count == 1 { return "invalid event bus configuration: \(issues[0])" }
        return "invalid event bus configuration (\(issues.count) problems):\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
