import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import Testing

@Suite struct CertsTests {
    static func profile(_ sandbox: ProvisionSandbox) throws -> Profile {
        try sandbox.profile(ProfileTexts.threeTenants(mode: "operator", ports: [4222], tls: true, cluster: true))
    }

    @Test func createsACAAServerCertificateAndOneClientCertificatePerUser() throws {
        let sandbox = try ProvisionSandbox("certs")
        defer { sandbox.remove() }
        let profile = try Self.profile(sandbox)
        let events = try CertificateProvisioner(profile: profile).run()
        let layout = CertificateLayout(profile: profile)
        #expect(layout.ca == sandbox.path("certs/ca.pem"))
        #expect(layout.caKey == sandbox.path("certs/ca-key.pem"))
        #expect(events.map(\.subject).prefix(2) == ["CA", "server"])
        #expect(events.count == 2 + 3 * 3, "CA, server, and 3 users (hodei-admin included) in each of 3 tenants")
        #expect(events.allSatisfy { if case .issued = $0.outcome { true } else { false } })

        let server = try IssuedCertificate(
            certificatePEM: try String(contentsOfFile: layout.serverCert, encoding: .utf8),
            privateKeyPEM: SecretString(try String(contentsOfFile: layout.serverKey, encoding: .utf8)))
        #expect(Set(server.info.dnsNames).isSuperset(of: ["localhost", "n1", "n2", "n3"]))
        #expect(server.info.ipAddresses.contains("127.0.0.1"))
        #expect(server.info.serverAuth)
        let client = try IssuedCertificate(
            certificatePEM: try String(contentsOfFile: layout.clientCert(tenant: "acme", user: "worker"), encoding: .utf8),
            privateKeyPEM: SecretString(try String(contentsOfFile: layout.clientKey(tenant: "acme", user: "worker"), encoding: .utf8)))
        #expect(client.info.clientAuth)
        let authority = try CertificateAuthority(try IssuedCertificate(
            certificatePEM: try String(contentsOfFile: layout.ca, encoding: .utf8),
            privateKeyPEM: SecretString(try String(contentsOfFile: layout.caKey, encoding: .utf8))))
        #expect(authority.signed(server.certificate) && authority.signed(client.certificate))

        for key in [layout.caKey, layout.serverKey, layout.clientKey(tenant: "initech", user: "auditor")] {
            #expect(try mode(of: key) == 0o600)
        }
        for directory in [sandbox.path("certs"), layout.clientDirectory + "/acme"] {
            #expect(try mode(of: directory) == 0o700)
        }
    }

    @Test func validCertificatesAreKept() throws {
        let sandbox = try ProvisionSandbox("certs-keep")
        defer { sandbox.remove() }
        let profile = try Self.profile(sandbox)
        _ = try CertificateProvisioner(profile: profile).run()
        let before = try snapshot(sandbox.path("certs"))
        let events = try CertificateProvisioner(profile: profile, now: Date().addingTimeInterval(86_400)).run()
        #expect(events.allSatisfy { $0.outcome == .kept })
        let after = try snapshot(sandbox.path("certs"))
        for (file, (data, date)) in before { #expect(after[file]?.0 == data && after[file]?.1 == date, "\(file)") }
    }

    @Test func certificatesExpiringWithinTheWindowAreRenewedButNotTheCA() throws {
        let sandbox = try ProvisionSandbox("certs-renew")
        defer { sandbox.remove() }
        let profile = try Self.profile(sandbox)
        _ = try CertificateProvisioner(profile: profile).run()
        let layout = CertificateLayout(profile: profile)
        let caBefore = try Data(contentsOf: URL(fileURLWithPath: layout.ca))
        let serverBefore = try Data(contentsOf: URL(fileURLWithPath: layout.serverCert))
        let events = try CertificateProvisioner(profile: profile, renewWithin: 400 * 86_400).run()
        #expect(events.first?.outcome == .kept)
        #expect(events.dropFirst().allSatisfy { if case .issued = $0.outcome { true } else { false } })
        #expect(try Data(contentsOf: URL(fileURLWithPath: layout.ca)) == caBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: layout.serverCert)) != serverBefore)
    }

    @Test func aKeyWithoutItsCertificateIsAnErrorNotReplaced() throws {
        let sandbox = try ProvisionSandbox("certs-half")
        defer { sandbox.remove() }
        let profile = try Self.profile(sandbox)
        _ = try CertificateProvisioner(profile: profile).run()
        let layout = CertificateLayout(profile: profile)
        try FileManager.default.removeItem(atPath: layout.serverCert)
        #expect(throws: CredentialError.self) { try CertificateProvisioner(profile: profile).run() }
        #expect(!FileManager.default.fileExists(atPath: layout.serverCert))
    }
}
