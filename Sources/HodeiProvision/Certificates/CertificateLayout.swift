import Foundation
import HodeiProfile

/// Where TLS files live: the profile's `tls.ca/cert/key` when given, else `certs/<env>/`
/// (relative to the working directory, like the repository's `certs/`). Keys sit beside their
/// certificates as `<name>-key.pem`; client certificates under `clients/<tenant>/<user>.pem`.
public struct CertificateLayout: Sendable, Equatable {
    public let ca: String
    public let caKey: String
    public let serverCert: String
    public let serverKey: String
    public let clientDirectory: String

    public init(profile: Profile, defaultDirectory: String? = nil) {
        let base = defaultDirectory ?? URL(fileURLWithPath: "certs/\(profile.environment)").standardizedFileURL.path
        ca = profile.tls?.ca?.resolved ?? "\(base)/ca.pem"
        caKey = Self.keyPath(for: ca)
        serverCert = profile.tls?.cert?.resolved ?? "\(base)/server.pem"
        serverKey = profile.tls?.key?.resolved ?? Self.keyPath(for: serverCert)
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
