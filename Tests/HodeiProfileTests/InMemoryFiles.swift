import HodeiProfile

/// Profiles and secrets held in a dictionary, so loader tests read no disk and no environment.
struct InMemoryFiles {
    var files: [String: String]

    func loader(environment: [String: String] = [:]) -> ProfileLoader {
        let files = files
        return ProfileLoader(environment: environment, readFile: { files[$0] })
    }

    func load(_ path: String, environment: [String: String] = [:]) throws -> Profile {
        try loader(environment: environment).load(path: path)
    }

    /// The loading issues, or [] when it loaded.
    func loadingIssues(_ path: String, environment: [String: String] = [:]) -> [ProfileIssue] {
        do {
            _ = try load(path, environment: environment)
            return []
        } catch let error as ProfileValidationError {
            return error.issues
        } catch {
            return []
        }
    }
}
