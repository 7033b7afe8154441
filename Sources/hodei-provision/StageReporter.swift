import ArgumentParser
import Foundation
import HodeiProfile

/// Prints issues labelled with the stage that found them and maps failures to the tool's exit codes
/// (0 success, 1 error, 2 changes pending/drift, 64 usage).
struct StageReporter {
    enum Stage: String {
        case loading, validating, planning, applying, rendering
    }

    let options: GlobalOptions

    func line(for issue: ProfileIssue) -> String {
        guard options.useColor else { return issue.description }
        let colour = issue.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
        return issue.description.replacingOccurrences(
            of: ": \(issue.severity.rawValue): ", with: ": \(colour)\(issue.severity.rawValue)\u{1B}[0m: ")
    }

    /// Text lines for the issues of one stage: `validating: file:line:col: error: ...`.
    func textLines(_ issues: [ProfileIssue], stage: Stage) -> [String] {
        issues.sorted().map { "\(stage.rawValue): \(line(for: $0))" }
    }

    static func stage(of error: ProfileValidationError) -> Stage {
        error.stage == .loading ? .loading : .validating
    }

    /// Exit code for a failed stage. Every stage failure is 1 today; the mapping lives here so a
    /// stage that needs another code changes one place (usage errors exit 64 through ArgumentParser).
    static func exitCode(for stage: Stage) -> ExitCode {
        switch stage {
        case .loading, .validating, .planning, .applying, .rendering: return ExitCode(1)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
