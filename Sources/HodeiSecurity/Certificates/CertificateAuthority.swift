import Crypto
import Foundation
import SwiftASN1
import X509

/// A self-signed ECDSA P-256 CA that issues server (serverAuth + clientAuth) and client (clientAuth)
/// certificates for NATS TLS.
public struct CertificateAuthority: Sendable, CustomStringConvertible {
    public let issued: IssuedCertificate

    public init(_ issued: IssuedCertificate) throws(TLSCertificateError) {
        guard issued.info.isCertificateAuthority else {
            throw TLSCertificateError(
                subject: issued.certificate.subject.description, problem: "is not a CA certificate (basicConstraints CA:FALSE)",
                fix: "point the profile at the CA certificate, or let hodei-provision create one")
        }
        self.issued = issued
    }

    /// A new CA valid from one hour ago (clock skew) for `validity`.
    public static func create(commonName: String, validity: TimeInterval, now: Date = Date()) throws(TLSCertificateError) -> CertificateAuthority {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        do {
            let name = try DistinguishedName { CommonName(commonName) }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(validity),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: key)
            return try CertificateAuthority(IssuedCertificate(certificate: certificate, privateKey: key))
        } catch let error as TLSCertificateError {
            throw error
        } catch {
            throw TLSCertificateError(subject: "CN=\(commonName)", problem: "CA creation failed (\(error))", fix: "report this as a bug")
        }
    }

    public var certificatePEM: String { issued.certificatePEM }

    /// A server certificate: SANs from `dnsNames` and `ipAddresses`, EKU serverAuth and clientAuth,
    /// because a clustered nats-server is also the client end of its mutually authenticated routes.
    public func issueServerCertificate(
        commonName: String, dnsNames: [String], ipAddresses: [String], validity: TimeInterval, now: Date = Date()
    ) throws(TLSCertificateError) -> IssuedCertificate {
        try issue(
            commonName: commonName, dnsNames: dnsNames, ipAddresses: ipAddresses, usages: [.serverAuth, .clientAuth],
            validity: validity, now: now)
    }

    /// A client certificate for mutual TLS: EKU clientAuth.
    public func issueClientCertificate(
        commonName: String, validity: TimeInterval, now: Date = Date()
    ) throws(TLSCertificateError) -> IssuedCertificate {
        try issue(commonName: commonName, dnsNames: [], ipAddresses: [], usages: [.clientAuth], validity: validity, now: now)
    }

    /// True when `certificate` names this CA as issuer and carries its valid signature.
    public func signed(_ certificate: Certificate) -> Bool {
        certificate.issuer == issued.certificate.subject
            && issued.certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
    }

    /// A leaf certificate with exactly the given extended key usages (the two above are the usual ones).
    public func issue(
        commonName: String, dnsNames: [String], ipAddresses: [String], usages: [ExtendedKeyUsage.Usage],
        validity: TimeInterval, now: Date
    ) throws(TLSCertificateError) -> IssuedCertificate {
        var names: [GeneralName] = dnsNames.map { .dnsName($0) }
        for address in ipAddresses {
            guard let bytes = IPAddressText.parse(address) else {
                throw TLSCertificateError(
                    subject: "CN=\(commonName)", problem: "'\(address)' is not an IPv4 or IPv6 address",
                    fix: "list host names under dns names and literal addresses under ip addresses")
            }
            names.append(.ipAddress(ASN1OctetString(contentBytes: bytes[...])))
        }
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let caCertificate = issued.certificate
        do {
            let subject = try DistinguishedName { CommonName(commonName) }
            let authorityKeyID = try caCertificate.extensions.subjectKeyIdentifier?.keyIdentifier
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage(usages)
                SubjectKeyIdentifier(hash: key.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyID)
                if !names.isEmpty { SubjectAlternativeNames(names) }
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: min(now.addingTimeInterval(validity), caCertificate.notValidAfter),
                issuer: caCertificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions, issuerPrivateKey: issued.privateKey)
            return IssuedCertificate(certificate: certificate, privateKey: key)
        } catch {
            throw TLSCertificateError(subject: "CN=\(commonName)", problem: "issuing failed (\(error))", fix: "report this as a bug")
        }
    }

    public var description: String { "CertificateAuthority(\(issued.certificate.subject))" }
}
