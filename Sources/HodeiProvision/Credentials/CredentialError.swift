import HodeiSecurity

/// Why credentials could not be bootstrapped or rotated: where (a secrets path or `tenant/user`),
/// what, and how to fix it. Never holds a seed or key.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public let location: String
    public let problem: String
    public let fix: String

    public init(location: String, problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    init(_ error: SecretStoreError) {
        // SecretStoreError already says path, what and fix in one sentence.
        self.init(location: error.path, problem: error.description, fix: "")
    }

    init(_ error: JWTError, location: String) {
        self.init(location: location, problem: error.description, fix: "delete the JWT file to have it issued again")
    }

    public var description: String {
        let body = problem.hasPrefix(location) ? problem : "\(location): \(problem)"
        return fix.isEmpty ? body : "\(body) (fix: \(fix))"
    }
}
