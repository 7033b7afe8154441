import Foundation

/// What `ensure…Certificate` did.
public enum CertificateOutcome: Sendable, Equatable {
    case kept
    case issued(reason: String)
}

extension SecretStore {
    /// Reads `<name>.crt` + `<name>.key`; `nil` when neither exists. One without the other, or a
    /// key that does not match, is an error: never silently replaced.
    public func loadCertificate(name: String) throws(SecretStoreError) -> IssuedCertificate? {
        let certificate = try read(name: name + ".crt")
        let key = try read(name: name + ".key")
        switch (certificate, key) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            do {
                return try IssuedCertificate(certificatePEM: certificate.exposedText, privateKeyPEM: key)
            } catch {
                throw SecretStoreError(path: try path(for: name + ".crt"), .unreadable(error.description))
            }
        case (nil, _):
            throw SecretStoreError(path: try path(for: name + ".crt"), .unreadable("missing while its key exists"))
        case (_, nil):
            throw SecretStoreError(path: try path(for: name + ".key"), .unreadable("missing while its certificate exists"))
        }
    }

    /// Writes `<name>.crt` and `<name>.key`, both 0600 (the certificate is public, but keeping one
    /// mode for the whole directory keeps the rule simple).
    public func writeCertificate(_ issued: IssuedCertificate, name: String) throws(SecretStoreError) {
        try write(issued.privateKeyPEM, name: name + ".key")
        try write(SecretString(issued.certificatePEM), name: name + ".crt")
    }

    /// The CA in `<name>.crt`/`.key`, created when absent. An existing CA is never replaced here,
    /// even when it expires soon: re-issuing a CA invalidates every certificate it signed.
    public func loadOrCreateCA(
        name: String = "ca", commonName: String, validity: TimeInterval, now: Date = Date()
    ) throws(SecretStoreError) -> (authority: CertificateAuthority, created: Bool) {
        if let existing = try loadCertificate(name: name) {
            do {
                return (try CertificateAuthority(existing), false)
            } catch {
                throw SecretStoreError(path: try path(for: name + ".crt"), .unreadable(error.description))
            }
        }
        let authority: CertificateAuthority
        do {
            authority = try CertificateAuthority.create(commonName: commonName, validity: validity, now: now)
        } catch {
            throw SecretStoreError(path: try path(for: name + ".crt"), .issueFailed(error.description))
        }
        try writeCertificate(authority.issued, name: name)
        return (authority, true)
    }

    /// Keeps `<name>.crt` when `CertificateRenewal` says so, otherwise issues a server
    /// certificate with these SANs (a new key each time).
    public func ensureServerCertificate(
        name: String, authority: CertificateAuthority, commonName: String, dnsNames: [String], ipAddresses: [String],
        validity: TimeInterval, renewWithin window: TimeInterval, now: Date = Date()
    ) throws(SecretStoreError) -> (certificate: IssuedCertificate, outcome: CertificateOutcome) {
        let existing = try loadCertificate(name: name)
        let decision = CertificateRenewal.decide(
            existing: existing, authority: authority, requiredDNSNames: dnsNames, requiredIPAddresses: ipAddresses,
            renewWithin: window, now: now)
        if case .keep = decision, let existing { return (existing, .kept) }
        guard case .issue(let reason) = decision else { throw SecretStoreError(path: try path(for: name + ".crt"), .issueFailed("no certificate")) }
        do {
            let issued = try authority.issueServerCertificate(
                commonName: commonName, dnsNames: dnsNames, ipAddresses: ipAddresses, validity: validity, now: now)
            try writeCertificate(issued, name: name)
            return (issued, .issued(reason: reason))
        } catch let error as SecretStoreError {
            throw error
        } catch {
            throw SecretStoreError(path: try path(for: name + ".crt"), .issueFailed("\(error)"))
        }
    }

    /// As `ensureServerCertificate`, for a client (mutual TLS) certificate.
    public func ensureClientCertificate(
        name: String, authority: CertificateAuthority, commonName: String, validity: TimeInterval,
        renewWithin window: TimeInterval, now: Date = Date()
    ) throws(SecretStoreError) -> (certificate: IssuedCertificate, outcome: CertificateOutcome) {
        let existing = try loadCertificate(name: name)
        let decision = CertificateRenewal.decide(existing: existing, authority: authority, renewWithin: window, now: now)
        if case .keep = decision, let existing { return (existing, .kept) }
        guard case .issue(let reason) = decision else { throw SecretStoreError(path: try path(for: name + ".crt"), .issueFailed("no certificate")) }
        do {
            let issued = try authority.issueClientCertificate(commonName: commonName, validity: validity, now: now)
            try writeCertificate(issued, name: name)
            return (issued, .issued(reason: reason))
        } catch let error as SecretStoreError {
            throw error
        } catch {
            throw SecretStoreError(path: try path(for: name + ".crt"), .issueFailed("\(error)"))
        }
    }
}
