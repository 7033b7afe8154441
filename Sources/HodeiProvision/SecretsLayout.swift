import Foundation
import HodeiProfile

/// Where generated credentials live under a profile's `auth.secrets_dir`.
///
/// One layout shared by the writers (bootstrap, `rotate`, `render`) and the readers (plan/apply
/// connecting as a tenant's admin identity, `up`, the factory), so no path is spelled twice.
///
/// ```
/// <secrets_dir>/                      0700, with a .gitignore of "*"
///   operator.nk  operator.jwt         operator mode only
///   accounts/SYS/account.nk|.jwt      system account (operator mode)
///   accounts/<tenant>/account.nk|.jwt
///   accounts/<tenant>/users/<user>.nk       nkey seed (accounts mode)
///   accounts/<tenant>/users/<user>.creds    JWT + seed (operator mode)
/// ```
/// Every tenant also gets the implicit user `hodei-admin` (JetStream API only), the identity that
/// plan/apply/status use for that tenant.
public struct SecretsLayout: Sendable, Equatable {
    /// The provisioning identity created in every tenant account.
    public static let adminUser = "hodei-admin"
    /// The account that holds the server's system user in operator mode.
    public static let systemAccount = "SYS"
    /// The user of the system account (server monitoring, `$SYS` requests).
    public static let systemUser = "system"

    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The profile's `auth.secrets_dir`, or `.hodei/<environment>/secrets` beside the profile.
    public init(profile: Profile) {
        if let dir = profile.auth.secretsDir {
            self.init(root: dir.resolved)
        } else {
            let base = URL(fileURLWithPath: profile.sourceFile).deletingLastPathComponent()
            self.init(root: base.appendingPathComponent(".hodei/\(profile.environment)/secrets").path)
        }
    }

    public var operatorSeed: String { join("operator.nk") }
    public var operatorJWT: String { join("operator.jwt") }

    public func accountDirectory(_ account: String) -> String { join("accounts", account) }
    public func accountSeed(_ account: String) -> String { join("accounts", account, "account.nk") }
    public func accountJWT(_ account: String) -> String { join("accounts", account, "account.jwt") }

    public func userDirectory(tenant: String) -> String { join("accounts", tenant, "users") }
    public func userSeed(tenant: String, user: String) -> String { join("accounts", tenant, "users", "\(user).nk") }
    public func userCreds(tenant: String, user: String) -> String { join("accounts", tenant, "users", "\(user).creds") }

    private func join(_ parts: String...) -> String {
        ([root] + parts).joined(separator: "/")
    }
}
