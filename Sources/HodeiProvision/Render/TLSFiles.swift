import HodeiProfile

/// The TLS files a server (and its clients) use. From the profile's `tls` section, or given by
/// `up`/tests that generated their own.
public struct TLSFiles: Sendable, Equatable {
    public var ca: String?
    public var cert: String?
    public var key: String?
    public var verifyClients: Bool

    public init(ca: String?, cert: String?, key: String?, verifyClients: Bool) {
        self.ca = ca
        self.cert = cert
        self.key = key
        self.verifyClients = verifyClients
    }

    /// nil when the profile is plaintext.
    public init?(profile: Profile) {
        guard let tls = profile.tls, tls.isEnabled else { return nil }
        self.init(ca: tls.ca?.resolved, cert: tls.cert?.resolved, key: tls.key?.resolved, verifyClients: tls.verifyClients)
    }
}
