import Foundation
import HodeiProfile
import HodeiSecurity

/// `certs`: a CA, the server certificate (SANs from servers, cluster nodes and tls.server_names;
/// localhost and 127.0.0.1 for dev and loopback URLs) and, with `tls.verify_clients`, a client
/// certificate per tenant user (`hodei-admin` included). Valid certificates are kept; those
/// expiring within `renewWithin` (or missing a SAN or a key usage, or signed by another CA) are re-issued. The
/// CA is never replaced automatically: that would invalidate every certificate it signed.
public struct CertificateProvisioner: Sendable {
    public let profile: Profile
    public let layout: CertificateLayout
    public let renewWithin: TimeInterval
    public let now: Date
    public static let caValidity: TimeInterval = 10 * 365 * 86_400
    public static let leafValidity: TimeInterval = 397 * 86_400

    public init(profile: Profile, layout: CertificateLayout? = nil, renewWithin: TimeInterval = 30 * 86_400, now: Date = Date()) {
        self.profile = profile
        self.layout = layout ?? CertificateLayout(profile: profile)
        self.renewWithin = renewWithin
        self.now = now
    }

    public struct Event: Sendable, Equatable, CustomStringConvertible {
        /// `CA`, `server`, `client acme/worker`.
        public let subject: String
        public let outcome: CertificateOutcome
        public let certificate: String
        public let key: String

        public var description: String {
            switch outcome {
            case .kept: return "kept    \(subject)  \(certificate)"
            case .issued(let reason): return "issued  \(subject) (\(reason))  \(certificate), key \(key)"
            }
        }
    }

    /// SANs of the server certificate.
    public var serverNames: (dns: [String], ip: [String]) {
        var dns: [String] = []
        var ip: [String] = []
        let hosts = profile.servers.urls.compactMap { ServerTopology.hostAndPort($0)?.host }
        for host in hosts + (profile.tls?.serverNames ?? []) + (profile.cluster?.nodes ?? []) {
            let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if bare.contains(":") || bare.allSatisfy({ $0.isNumber || $0 == "." }) { ip.append(bare) } else { dns.append(bare) }
        }
        if profile.isDev || hosts.contains(where: ServerTopology.isLoopback) {
            dns.append("localhost")
            ip.append("127.0.0.1")
        }
        return (Array(Set(dns)).sorted(), Array(Set(ip)).sorted())
    }

    public func run() throws(CredentialError) -> [Event] {
        var events: [Event] = []
        let (authority, caCreated) = try loadOrCreateCA()
        events.append(Event(
            subject: "CA", outcome: caCreated ? .issued(reason: "no CA yet") : .kept, certificate: layout.ca, key: layout.caKey))
        let names = serverNames
        events.append(try ensure(
            subject: "server", certificate: layout.serverCert, key: layout.serverKey, authority: authority, dns: names.dns, ip: names.ip,
            usages: [.serverAuth, .clientAuth]
        ) { () throws(TLSCertificateError) in
            try authority.issueServerCertificate(
                commonName: "hodei-\(profile.environment)", dnsNames: names.dns, ipAddresses: names.ip,
                validity: Self.leafValidity, now: now)
        })
        if profile.tls?.verifyClients == true {
            for tenant in profile.tenants {
                for user in Set(tenant.users.map(\.name) + [SecretsLayout.adminUser]).sorted() {
                    events.append(try ensure(
                        subject: "client \(tenant.name)/\(user)", certificate: layout.clientCert(tenant: tenant.name, user: user),
                        key: layout.clientKey(tenant: tenant.name, user: user), authority: authority, dns: [], ip: [],
                        usages: [.clientAuth]
                    ) { () throws(TLSCertificateError) in
                        try authority.issueClientCertificate(commonName: "\(user).\(tenant.name)", validity: Self.leafValidity, now: now)
                    })
                }
            }
        }
        return events
    }

    private func loadOrCreateCA() throws(CredentialError) -> (CertificateAuthority, Bool) {
        if let existing = try load(certificate: layout.ca, key: layout.caKey) {
            do {
                return (try CertificateAuthority(existing), false)
            } catch {
                throw CredentialError(location: layout.ca, problem: error.description, fix: "restore the CA files or move them away")
            }
        }
        let authority: CertificateAuthority
        do {
            authority = try CertificateAuthority.create(commonName: "hodei-\(profile.environment) CA", validity: Self.caValidity, now: now)
        } catch {
            throw CredentialError(location: layout.ca, problem: error.description, fix: "")
        }
        try write(authority.issued, certificate: layout.ca, key: layout.caKey)
        return (authority, true)
    }

    private func ensure(
        subject: String, certificate: String, key: String, authority: CertificateAuthority, dns: [String], ip: [String],
        usages: CertificateRenewal.Usages, issue: () throws(TLSCertificateError) -> IssuedCertificate
    ) throws(CredentialError) -> Event {
        let existing = try load(certificate: certificate, key: key)
        let decision = CertificateRenewal.decide(
            existing: existing, authority: authority, requiredDNSNames: dns, requiredIPAddresses: ip, requiredUsages: usages,
            renewWithin: renewWithin, now: now)
        guard case .issue(let reason) = decision else {
            return Event(subject: subject, outcome: .kept, certificate: certificate, key: key)
        }
        let issued: IssuedCertificate
        do {
            issued = try issue()
        } catch {
            throw CredentialError(location: certificate, problem: error.description, fix: "")
        }
        try write(issued, certificate: certificate, key: key)
        return Event(subject: subject, outcome: .issued(reason: reason), certificate: certificate, key: key)
    }

    /// Both files or neither; one without the other is an error, never silently replaced.
    private func load(certificate: String, key: String) throws(CredentialError) -> IssuedCertificate? {
        let certificateText = try read(certificate)
        let keyText = try read(key)
        switch (certificateText, keyText) {
        case (nil, nil):
            return nil
        case (let certificatePEM?, let keyPEM?):
            do {
                return try IssuedCertificate(certificatePEM: certificatePEM.exposedText, privateKeyPEM: keyPEM)
            } catch {
                throw CredentialError(location: certificate, problem: error.description, fix: "move both files away to issue new ones")
            }
        case (nil, _):
            throw CredentialError(location: certificate, problem: "missing while its key \(key) exists", fix: "restore it, or delete the key to issue a new pair")
        case (_, nil):
            throw CredentialError(location: key, problem: "missing while its certificate \(certificate) exists", fix: "restore it, or delete the certificate to issue a new pair")
        }
    }

    private func read(_ path: String) throws(CredentialError) -> SecretString? {
        let (store, name) = try storeAndName(path)
        do {
            return try store.read(name: name)
        } catch {
            throw CredentialError(error)
        }
    }

    private func write(_ issued: IssuedCertificate, certificate: String, key: String) throws(CredentialError) {
        do {
            let (keyStore, keyName) = try storeAndName(key)
            try keyStore.write(issued.privateKeyPEM, name: keyName)
            let (certificateStore, certificateName) = try storeAndName(certificate)
            try certificateStore.write(SecretString(issued.certificatePEM), name: certificateName)
        } catch let error as SecretStoreError {
            throw CredentialError(error)
        } catch {
            throw error as? CredentialError ?? CredentialError(location: certificate, problem: "\(error)", fix: "")
        }
    }

    /// Files are written through a `SecretStore` of their directory (0700, files 0600, .gitignore).
    private func storeAndName(_ path: String) throws(CredentialError) -> (SecretStore, String) {
        let url = URL(fileURLWithPath: path)
        do {
            return (try SecretStore(directory: url.deletingLastPathComponent()), url.lastPathComponent)
        } catch {
            throw CredentialError(error)
        }
    }
}
