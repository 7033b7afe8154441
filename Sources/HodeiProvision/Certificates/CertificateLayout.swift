import Foundation
import HodeiProfile

/// Where TLS files live: the profile's `tls.ca/cert/key` when given, else `certs/<env>/` at the
/// root of the repository holding the profile (as `.hodei/<env>/`; never relative to the working
/// directory, so a command gives the same files wherever it runs). Keys sit beside their
/// certificates as `<name>-key.pem`; client certificates under `clients/<tenant>/<user>.pem`.
public struct CertificateLayout: Sendable, Equatable {
    public let ca: String
    public let caKey: String
    public let serverCert: String
    public let serverKey: String
    public let clientDirectory: String

    public init(profile: Profile, defaultDirectory: String? = nil) {
        let profileDirectory = URL(fileURLWithPath: profile.sourceFile).standardizedFileURL.deletingLastPathComponent()
        let base = defaultDirectory
            ?? LocalStateDirectory.repositoryRoot(from: profileDirectory).appendingPathComponent("certs/\(profile.environment)").path
        ca = AbsolutePath.of(profile.tls?.ca?.resolved ?? "\(base)/ca.pem")
        caKey = Self.keyPath(for: ca)
        serverCert = AbsolutePath.of(profile.tls?.cert?.resolved ?? "\(base)/server.pem")
        serverKey = AbsolutePath.of(profile.tls?.key?.resolved ?? Self.keyPath(for: serverCert))
        clientDirectory = (ca as NSString).deletingLastPathComponent + "/clients"
    }

    public func clientCert(tenant: String, user: String) -> String { "\(clientDirectory)/\(tenant)/\(user).pem" }
    public func clientKey(tenant: String, user: String) -> String { "\(clientDirectory)/\(tenant)/\(user)-key.pem" }

    /// `dir/server.pem` → `dir/server-key.pem`.
    static func keyPath(for certificate: String) -> String {
        let url = URL(fileURLWithPath: certificate)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-key.pem").path
    }
}
