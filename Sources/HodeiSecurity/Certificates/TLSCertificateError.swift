/// A certificate operation failure (named apart from X509.CertificateError): which certificate (by name or path), what, and the fix.
/// Never includes key material.
public struct TLSCertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let subject: String
    public let problem: String
    public let fix: String

    public init(subject: String, problem: String, fix: String) {
        self.subject = subject
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "certificate \(subject): \(problem); \(fix)" }
}
