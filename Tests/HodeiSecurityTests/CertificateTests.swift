import Foundation
import Testing
import X509

@testable import HodeiSecurity

struct CertificateTests {
    static let day: TimeInterval = 86_400

    @Test func caIsSelfSignedAuthority() throws {
        let ca = try CertificateAuthority.create(commonName: "Hodei Dev CA", validity: 365 * Self.day)
        let info = ca.issued.info
        #expect(info.isCertificateAuthority)
        #expect(info.subject == "CN=Hodei Dev CA")
        #expect(info.issuer == info.subject)
        #expect(ca.signed(ca.issued.certificate))
    }

    @Test func serverCertificateHasSANsAndServerAuth() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day)
        let server = try ca.issueServerCertificate(
            commonName: "nats-1", dnsNames: ["localhost", "nats-1.hodei.internal"], ipAddresses: ["127.0.0.1", "::1"],
            validity: 90 * Self.day)
        let info = server.info
        #expect(info.dnsNames == ["localhost", "nats-1.hodei.internal"])
        #expect(info.ipAddresses == ["127.0.0.1", "::1"])
        #expect(info.serverAuth && info.clientAuth && !info.isCertificateAuthority)
        #expect(info.issuer == "CN=CA")
        #expect(ca.signed(server.certificate))
    }

    @Test func clientCertificateHasClientAuth() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day)
        let info = try ca.issueClientCertificate(commonName: "acme/worker", validity: 30 * Self.day).info
        #expect(info.clientAuth && !info.serverAuth)
        #expect(info.subject == "CN=acme/worker")
    }

    @Test func pemRoundTripAndKeyMatch() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day)
        let server = try ca.issueServerCertificate(commonName: "s", dnsNames: ["localhost"], ipAddresses: [], validity: Self.day)
        #expect(server.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(server.privateKeyPEM.exposedText.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let reloaded = try IssuedCertificate(certificatePEM: server.certificatePEM, privateKeyPEM: server.privateKeyPEM)
        #expect(reloaded.certificate == server.certificate)
        let other = try ca.issueServerCertificate(commonName: "o", dnsNames: [], ipAddresses: [], validity: Self.day)
        #expect(throws: TLSCertificateError.self) {
            try IssuedCertificate(certificatePEM: server.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
        #expect(try CertificateInfo(pem: server.certificatePEM) == server.info)
    }

    @Test func expiryWindow() throws {
        let now = Date()
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day, now: now)
        let info = try ca.issueClientCertificate(commonName: "c", validity: 10 * Self.day, now: now).info
        #expect(info.isExpiring(within: 30 * Self.day, now: now))
        #expect(!info.isExpiring(within: 5 * Self.day, now: now))
    }

    @Test func renewalKeepsValidAndRenewsExpiring() throws {
        let now = Date()
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day, now: now)
        let longLived = try ca.issueServerCertificate(
            commonName: "s", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], validity: 90 * Self.day, now: now)
        let shortLived = try ca.issueServerCertificate(
            commonName: "s", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], validity: 10 * Self.day, now: now)
        let window = 30 * Self.day
        #expect(
            CertificateRenewal.decide(
                existing: longLived, authority: ca, requiredDNSNames: ["localhost"], requiredIPAddresses: ["127.0.0.1"],
                renewWithin: window, now: now) == .keep)
        #expect(CertificateRenewal.decide(existing: shortLived, authority: ca, renewWithin: window, now: now) != .keep)
        #expect(CertificateRenewal.decide(existing: nil, authority: ca, renewWithin: window, now: now) != .keep)
        #expect(
            CertificateRenewal.decide(existing: longLived, authority: ca, requiredDNSNames: ["nats-2"], renewWithin: window, now: now)
                != .keep)
        let otherCA = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day, now: now)
        #expect(CertificateRenewal.decide(existing: longLived, authority: otherCA, renewWithin: window, now: now) != .keep)
    }

    /// A server certificate from before route TLS (serverAuth only) is re-issued: routes need clientAuth too.
    @Test func renewalReissuesACertificateLackingARequiredUsage() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: 365 * Self.day)
        let serverOnly = try ca.issue(
            commonName: "s", dnsNames: ["localhost"], ipAddresses: [], usages: [.serverAuth], validity: 90 * Self.day, now: Date())
        let both: CertificateRenewal.Usages = [.serverAuth, .clientAuth]
        #expect(CertificateRenewal.decide(existing: serverOnly, authority: ca, requiredUsages: both, renewWithin: 0)
            == .issue(reason: "lacks extended key usage clientAuth"))
        #expect(CertificateRenewal.decide(existing: serverOnly, authority: ca, requiredUsages: [.serverAuth], renewWithin: 0) == .keep)
        let current = try ca.issueServerCertificate(commonName: "s", dnsNames: ["localhost"], ipAddresses: [], validity: 90 * Self.day)
        #expect(CertificateRenewal.decide(existing: current, authority: ca, requiredUsages: both, renewWithin: 0) == .keep)
    }

    @Test func invalidIPAddressIsAnError() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: Self.day)
        #expect(throws: TLSCertificateError.self) {
            try ca.issueServerCertificate(commonName: "s", dnsNames: [], ipAddresses: ["localhost"], validity: Self.day)
        }
    }

    @Test func descriptionsHideTheKey() throws {
        let ca = try CertificateAuthority.create(commonName: "CA", validity: Self.day)
        let keyBody = String(ca.issued.privateKeyPEM.exposedText.split(separator: "\n")[1])
        for text in ["\(ca)", "\(ca.issued)", String(reflecting: ca.issued.privateKeyPEM)] {
            #expect(!text.contains(keyBody))
            #expect(!Redaction.containsSecret(text))
        }
    }
}
