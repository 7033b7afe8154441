/// Why `up`/`down`/`demo` failed: where (a node, a path or `tenant/user`), what, and the fix.
/// Never holds a secret.
public struct LocalEnvironmentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let location: String
    public let problem: String
    public let fix: String

    public init(location: String, problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(location): \(problem) (fix: \(fix))" }
}
