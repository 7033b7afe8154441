/// Thrown by loading and validation: every problem found, sorted by location.
public struct ProfileValidationError: Error, Sendable, CustomStringConvertible {
    /// The stage that found the problems; the CLI labels its output with it.
    public enum Stage: String, Sendable {
        case loading
        case validating
    }

    public let stage: Stage
    public let issues: [ProfileIssue]

    public init(stage: Stage, issues: [ProfileIssue]) {
        self.stage = stage
        self.issues = issues.sorted()
    }

    public var errors: [ProfileIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [ProfileIssue] { issues.filter { $0.severity == .warning } }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
