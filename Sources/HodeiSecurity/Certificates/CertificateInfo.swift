import Foundation
import X509

/// What a certificate says, for inspection and renewal decisions.
public struct CertificateInfo: Sendable, Equatable {
    public let subject: String
    public let issuer: String
    public let notBefore: Date
    public let notAfter: Date
    public let dnsNames: [String]
    /// Textual IPv4/IPv6 addresses from the SAN extension.
    public let ipAddresses: [String]
    public let isCertificateAuthority: Bool
    public let serverAuth: Bool
    public let clientAuth: Bool

    public init(_ certificate: Certificate) {
        subject = certificate.subject.description
        issuer = certificate.issuer.description
        notBefore = certificate.notValidBefore
        notAfter = certificate.notValidAfter
        var dns: [String] = []
        var ips: [String] = []
        for name in (try? certificate.extensions.subjectAlternativeNames) ?? nil ?? SubjectAlternativeNames() {
            switch name {
            case .dnsName(let value): dns.append(value)
            case .ipAddress(let octets): ips.append(IPAddressText.format(Array(octets.bytes)))
            default: break
            }
        }
        dnsNames = dns
        ipAddresses = ips
        if case .isCertificateAuthority? = (try? certificate.extensions.basicConstraints) ?? nil {
            isCertificateAuthority = true
        } else {
            isCertificateAuthority = false
        }
        let usages = ((try? certificate.extensions.extendedKeyUsage) ?? nil).map(Array.init) ?? []
        serverAuth = usages.contains(.serverAuth)
        clientAuth = usages.contains(.clientAuth)
    }

    public init(pem: String) throws(TLSCertificateError) {
        do {
            self.init(try Certificate(pemEncoded: pem))
        } catch {
            throw TLSCertificateError(subject: "(PEM)", problem: "not a PEM certificate", fix: "expect a '-----BEGIN CERTIFICATE-----' block")
        }
    }

    /// True when the certificate's validity ends before `now + interval` (or already has).
    public func isExpiring(within interval: TimeInterval, now: Date = Date()) -> Bool {
        notAfter <= now.addingTimeInterval(interval)
    }

    public func isValid(at date: Date = Date()) -> Bool { notBefore <= date && date < notAfter }

    /// True when `key` is the private half of the certificate's public key.
    public static func key(_ key: Certificate.PrivateKey, matches certificate: Certificate) -> Bool {
        key.publicKey == certificate.publicKey
    }
}
