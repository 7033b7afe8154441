import Crypto
import Foundation
import HodeiProfile
import SwiftASN1
import Testing
import X509

/// TLS file checks with certificates generated here (never committed), read from memory.
struct TLSRulesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    struct Material {
        var files: [String: Data] = [:]
    }

    static func makeCertificate(
        subject: String, sans: [GeneralName], validFor days: Double, startingDaysAgo: Double = 1,
        key: P256.Signing.PrivateKey, issuerKey: P256.Signing.PrivateKey? = nil, isCA: Bool = false
    ) throws -> Certificate {
        let name = try DistinguishedName { CommonName(subject) }
        let issuer = issuerKey == nil ? name : try DistinguishedName { CommonName("Hodei Test CA") }
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-startingDaysAgo * 86_400), notValidAfter: now.addingTimeInterval(days * 86_400),
            issuer: issuer, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                if isCA { Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil)) }
                if !sans.isEmpty { SubjectAlternativeNames(sans) }
            },
            issuerPrivateKey: .init(issuerKey ?? key))
    }

    /// A CA and a server pair; tweaks choose what is wrong.
    static func material(serverDays: Double = 365, sans: [GeneralName] = [.dnsName("nats-1.test"), .dnsName("*.cluster.test")],
                         mismatchedKey: Bool = false, notYetValid: Bool = false) throws -> [String: Data] {
        let caKey = P256.Signing.PrivateKey()
        let serverKey = P256.Signing.PrivateKey()
        let ca = try makeCertificate(subject: "Hodei Test CA", sans: [], validFor: 3650, key: caKey, isCA: true)
        let server = try makeCertificate(subject: "nats-1.test", sans: sans, validFor: serverDays,
                                         startingDaysAgo: notYetValid ? -2 : 1, key: serverKey, issuerKey: caKey)
        let writtenKey = mismatchedKey ? P256.Signing.PrivateKey() : serverKey
        return [
            "certs/ca.pem": Data(try ca.serializeAsPEM().pemString.utf8),
            "certs/server.pem": Data(try server.serializeAsPEM().pemString.utf8),
            "certs/server-key.pem": Data(writtenKey.pemRepresentation.utf8),
        ]
    }

    static let profileText = """
    profile: 1
    environment: prod
    servers:
      urls: [tls://nats-1.test:4222]
    tls:
      ca: certs/ca.pem
      cert: certs/server.pem
      key: certs/server-key.pem
      verify_clients: true
      server_names: [nats-1.test, node-2.cluster.test, 127.0.0.1]
    """

    func issues(_ files: [String: Data], profile text: String = profileText) throws -> [ProfileIssue] {
        let profile = try InMemoryFiles(files: ["p.profile": text]).load("p.profile")
        let options = ValidationOptions(now: Self.now, readData: { files[$0] })
        return ProfileValidator(options: options).issues(in: profile)
    }

    @Test func validMaterialPasses() throws {
        let files = try Self.material(sans: [.dnsName("nats-1.test"), .dnsName("*.cluster.test"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
        #expect(try issues(files).isEmpty)
    }

    @Test func keyNotMatchingCertificateIsAnError() throws {
        let found = try issues(try Self.material(sans: [.dnsName("nats-1.test"), .dnsName("*.cluster.test"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))], mismatchedKey: true))
        let issue = try #require(found.first { $0.rule == "tls-key-mismatch" })
        #expect(issue.severity == .error)
        #expect(issue.message == "private key certs/server-key.pem does not belong to certificate certs/server.pem")
        #expect(issue.location == SourceLocation(file: "p.profile", line: 8, column: 8))
    }

    @Test func expiredCertificateIsAnError() throws {
        let found = try issues(try Self.material(serverDays: -1))
        let issue = try #require(found.first { $0.rule == "tls-expired" })
        #expect(issue.severity == .error)
        #expect(issue.message.hasPrefix("certificate certs/server.pem expired on "))
        #expect(issue.location == SourceLocation(file: "p.profile", line: 7, column: 9))
    }

    @Test func certificateExpiringWithin30DaysIsAWarning() throws {
        let found = try issues(try Self.material(serverDays: 10))
        let issue = try #require(found.first { $0.rule == "tls-expiring" })
        #expect(issue.severity == .warning)
        #expect(issue.message.hasPrefix("certificate certs/server.pem expires in 10 days"))
    }

    @Test func notYetValidCertificateIsAnError() throws {
        let found = try issues(try Self.material(notYetValid: true))
        #expect(found.contains { $0.rule == "tls-not-yet-valid" && $0.severity == .error })
    }

    @Test func serverNamesMustBeCoveredBySANs() throws {
        let found = try issues(try Self.material()).filter { $0.rule == "tls-san-missing" }
        #expect(found.count == 1)
        let issue = try #require(found.first)
        #expect(issue.message == "server name 127.0.0.1 is not covered by the certificate's SANs (nats-1.test, *.cluster.test)")
        #expect(issue.keyPath == "tls.server_names[2]")
        #expect(issue.location == SourceLocation(file: "p.profile", line: 10, column: 52))
    }

    @Test func wildcardCoversOneLabelOnly() throws {
        let text = Self.profileText.replacingOccurrences(of: "[nats-1.test, node-2.cluster.test, 127.0.0.1]", with: "[a.b.cluster.test]")
        let found = try issues(try Self.material(), profile: text)
        #expect(found.map(\.rule) == ["tls-san-missing"])
    }

    @Test func unparsableKeyNeverEchoesItsBytes() throws {
        var files = try Self.material()
        files["certs/server-key.pem"] = Data("-----BEGIN PRIVATE KEY-----\nU0VDUkVUU0VDUkVU\n-----END PRIVATE KEY-----\n".utf8)
        let issue = try #require(try issues(files).first { $0.rule == "tls-unparsable" })
        #expect(issue.message == "certs/server-key.pem is not a PEM private key")
        #expect(!issue.description.contains("U0VDUkVU"))
    }

    @Test func missingFilesAreWarningsUnlessChecked() throws {
        let profile = try InMemoryFiles(files: ["p.profile": Self.profileText]).load("p.profile")
        let lenient = ProfileValidator(options: ValidationOptions(now: Self.now, readData: { _ in nil })).issues(in: profile)
        #expect(lenient.filter { $0.rule == "tls-file-missing" }.map(\.severity) == [.warning, .warning, .warning])
        let strict = ProfileValidator(options: ValidationOptions(checkFiles: true, now: Self.now, readData: { _ in nil })).issues(in: profile)
        #expect(strict.filter { $0.rule == "tls-file-missing" }.map(\.severity) == [.error, .error, .error])
    }
}
