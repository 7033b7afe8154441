import Foundation
import HodeiProfile

/// Paths of the test fixtures and the repository's example profiles.
enum Fixtures {
    static func path(_ relative: String) -> String {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else { return relative }
        return root.appendingPathComponent(relative).path
    }

    /// The repository root (this file lives in Tests/HodeiProfileTests).
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func example(_ name: String) -> String { repository + "/profiles/\(name)" }

    /// A loader that never reads the process environment.
    static func loader(_ environment: [String: String] = [:]) -> ProfileLoader {
        ProfileLoader(environment: environment)
    }

    /// Every issue of loading, then validating, a profile file.
    static func issues(loading path: String, environment: [String: String] = [:], options: ValidationOptions = ValidationOptions()) -> [ProfileIssue] {
        do {
            let profile = try loader(environment).load(path: path)
            return ProfileValidator(options: options).issues(in: profile)
        } catch let error as ProfileValidationError {
            return error.issues
        } catch {
            return []
        }
    }
}
