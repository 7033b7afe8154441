import X509

/// A certificate with its private key. PEM of the key is a `SecretString`; `description`
/// shows the subject only.
public struct IssuedCertificate: Sendable, CustomStringConvertible {
    public let certificate: Certificate
    public let privateKey: Certificate.PrivateKey

    public init(certificate: Certificate, privateKey: Certificate.PrivateKey) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// Parses a certificate PEM and its key PEM (PKCS#8 or SEC1) and checks that they belong together.
    public init(certificatePEM: String, privateKeyPEM: SecretString) throws(TLSCertificateError) {
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw TLSCertificateError(subject: "(PEM)", problem: "not a PEM certificate", fix: "expect a '-----BEGIN CERTIFICATE-----' block")
        }
        let key: Certificate.PrivateKey
        do {
            key = try Certificate.PrivateKey(pemEncoded: privateKeyPEM.exposedText)
        } catch {
            throw TLSCertificateError(
                subject: certificate.subject.description, problem: "the private key PEM cannot be parsed",
                fix: "expect a PKCS#8 or SEC1 EC private key")
        }
        guard CertificateInfo.key(key, matches: certificate) else {
            throw TLSCertificateError(
                subject: certificate.subject.description, problem: "the private key does not belong to the certificate",
                fix: "re-issue the certificate or restore the matching key")
        }
        self.init(certificate: certificate, privateKey: key)
    }

    public var certificatePEM: String {
        // Serializing a certificate we hold in memory cannot fail: it was parsed or built as DER.
        (try? certificate.serializeAsPEM().pemString) ?? ""
    }

    public var privateKeyPEM: SecretString {
        SecretString((try? privateKey.serializeAsPEM().pemString) ?? "")
    }

    public var info: CertificateInfo { CertificateInfo(certificate) }

    public var description: String { "IssuedCertificate(\(certificate.subject), key: <redacted>)" }
}
