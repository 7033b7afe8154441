import ArgumentParser
import HodeiProfile

extension StageReporter {
    /// Loads and validates a profile, printing warnings to stderr; on errors prints them and
    /// exits 1 (the commands that act on a profile refuse an invalid one).
    func loadValidProfile(_ path: String) throws -> Profile {
        do {
            let (profile, warnings) = try ProfileLoader().loadValidated(path: path)
            for line in textLines(warnings, stage: .validating) { Self.printError(line) }
            return profile
        } catch let error as ProfileValidationError {
            for line in textLines(error.issues, stage: Self.stage(of: error)) { Self.printError(line) }
            throw Self.exitCode(for: Self.stage(of: error))
        }
    }
}
