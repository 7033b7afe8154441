import NATSClient

/// Connecting as a tenant's admin identity failed: which tenant, why, and how to fix it.
public struct TenantConnectError: Error, Sendable, CustomStringConvertible {
    public enum Failure: Sendable {
        /// The server wants credentials and the generated ones are not there.
        case missingCredentials(path: String)
        /// The connection itself failed (refused, TLS, rejected credentials, ...).
        case connect(NATSError)
    }

    public var tenant: String
    public var failure: Failure
    /// The credentials file used, if any (a path, never its content).
    public var credentials: String?

    public init(tenant: String, failure: Failure, credentials: String?) {
        self.tenant = tenant
        self.failure = failure
        self.credentials = credentials
    }

    public var description: String {
        switch failure {
        case .missingCredentials(let path):
            return "\(tenant): the server requires authentication and the admin credentials \(path) do not exist "
                + "(fix: run `hodei-provision up` or `render` first, which generate them)"
        case .connect(let error):
            var text = "\(tenant): cannot connect as \(credentials.map { "the admin identity in \($0)" } ?? "an anonymous client"): \(error)"
            if error.kind == .authorizationViolation, credentials != nil {
                text += " (fix: the credentials do not match the server's accounts: re-run `hodei-provision render` and reload the server)"
            }
            return text
        }
    }
}
