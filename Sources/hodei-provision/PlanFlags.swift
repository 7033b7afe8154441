import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision

/// The safety switches `plan` and `apply` share.
struct PlanFlags: ParsableArguments {
    @Option(name: .customLong("target"), help: ArgumentHelp(
        "Limit to tenant[/stream[/consumer]] and everything under it (repeatable).", valueName: "address"))
    var targets: [String] = []

    @Flag(name: .customLong("allow-replace"), help: "Allow replacing (delete + create) a resource whose change cannot be made in place: its messages are lost.")
    var allowReplace = false

    @Flag(help: "Delete managed resources that left the profile.")
    var prune = false

    @Flag(help: "Take over same-named resources that this profile does not manage (writes its ownership marker).")
    var adopt = false

    func options() throws -> PlanOptions {
        let addresses = try targets.map { text -> ResourceAddress in
            guard let address = ResourceAddress(text) else {
                throw ValidationError("--target '\(text)' is not tenant[/stream[/consumer]]")
            }
            return address
        }
        return PlanOptions(allowReplace: allowReplace, prune: prune, adopt: adopt, targets: addresses)
    }
}

/// Loading for the commands that talk to servers: a profile that does not load or validate stops
/// everything before any connection (exit 1).
enum ProfileStage {
    static func load(_ path: String, reporter: StageReporter) throws -> Profile {
        do {
            let (profile, warnings) = try ProfileLoader().loadValidated(path: path)
            for line in reporter.textLines(warnings, stage: .validating) { StageReporter.printError(line) }
            return profile
        } catch let error as ProfileValidationError {
            for line in reporter.textLines(error.issues, stage: StageReporter.stage(of: error)) {
                StageReporter.printError(line)
            }
            throw StageReporter.exitCode(for: StageReporter.stage(of: error))
        }
    }

    /// Writes `data` to stdout.
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}
