import Foundation
import HodeiTestSupport
import HodeiBus
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSServerControl
import Testing

/// A mutual-TLS profile rendered and certified by this tool, run by a real server, probed by
/// nats-py: its own certificate gets in; no certificate, another CA's certificate, and
/// plaintext are refused.
@Suite(.serialized) struct MutualTLSUpTests {
    @Test func onlyClientsWithACertificateFromTheEnvironmentsCAGetIn() async throws {
        let sandbox = try ProvisionSandbox("mtls-up")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(LiveTenants.profile(mode: "operator", port: port, tls: true))
        let events = try CertificateProvisioner(profile: profile).run()
        #expect(events.contains { $0.subject == "CA" })
        let layout = CertificateLayout(profile: profile)
        #expect(try mode(of: layout.caKey) == 0o600 && mode(of: layout.serverKey) == 0o600)
        // A client certificate from a CA this environment never trusted.
        let strangerCA = try CertificateAuthority.create(commonName: "Other CA", validity: 86_400)
        let stranger = try strangerCA.issueClientCertificate(commonName: "acme/worker", validity: 86_400)
        let store = try SecretStore(directory: URL(fileURLWithPath: sandbox.path("stranger")))
        try store.write(SecretString(stranger.certificatePEM), name: "cert.pem")
        try store.write(stranger.privateKeyPEM, name: "key.pem")

        try await RenderServerTests.withServer(sandbox, profile: profile, port: port) { _, result in
            let url = "tls://127.0.0.1:\(port)"
            let worker = try #require(result.clients.first { $0.settings.tenant == "acme" && $0.settings.user == "worker" })
            let ca = try #require(worker.settings.tlsCA)
            let cert = try #require(worker.settings.tlsCert)
            let key = try #require(worker.settings.tlsKey)
            func connect(_ cert: String?, _ key: String?) async throws -> Subprocess.Result {
                try await NatsPyClient.run(
                    url: url, tls: .init(ca: ca, certificate: cert, key: key), auth: .creds(worker.credentialFile),
                    inboxPrefix: "_INBOX_worker", check: .publish(subject: "hodei.events.worker.tls"))
            }
            let own = try await connect(cert, key)
            #expect(own.status == 0, "our certificate was refused: \(own.stdout) \(own.stderr)")
            #expect(try await connect(nil, nil).status == 1, "a client without a certificate got in")
            let other = try await connect(try store.path(for: "cert.pem"), try store.path(for: "key.pem"))
            #expect(other.status == 1, "a certificate from another CA got in")
            let plain = try await PlaintextProbe.run(host: "127.0.0.1", port: port)
            #expect(plain.status == 1, "a plaintext client got in")
        }
    }

    /// `EventBusFactory.create(profile:tenant:user:)` over mutual TLS with the users' own creds and
    /// client certificates: a publisher's event reaches the member of a provisioned group.
    @Test func theFactoryBuildsMutualTLSBusesFromTheProfile() async throws {
        let sandbox = try ProvisionSandbox("mtls-factory")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(LiveTenants.profile(mode: "operator", port: port, tls: true))
        _ = try CertificateProvisioner(profile: profile).run()
        try await RenderServerTests.withServer(sandbox, profile: profile, port: port) { _, _ in
            let apply = try await CLIRun.run(["apply", sandbox.path("test.profile"), "--yes"])
            try #require(apply.status == 0, "\(apply.stdout)\n\(apply.stderr)")
            let member = try await EventBusFactory.create(profile: profile, tenant: "acme", user: "worker")
            let publisher = try await EventBusFactory.create(profile: profile, tenant: "acme", user: "orchestrator")
            #expect(member is NatsBus && publisher is NatsBus)
            do {
                let subscription = try await member.subscribe(filter: SubjectFilter("hodei.events.job.>"), group: "jobs")
                let event = SystemEvent(tenant: "acme", .jobCreated(JobCreated(jobId: "job-1", name: "build")))
                let receipt = try await publisher.publish(event)
                #expect(receipt.stream == "EV_acme" && !receipt.duplicate)
                let delivery = try await subscription.first(within: 15)
                #expect(delivery.event == event && delivery.subject == "hodei.events.job.created")
                try await delivery.ack()
                subscription.cancel()
            } catch {
                await member.close()
                await publisher.close()
                throw error
            }
            await member.close()
            await publisher.close()
        }
    }
}
