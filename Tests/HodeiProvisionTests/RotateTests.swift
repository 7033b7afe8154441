import Foundation
import HodeiProfile
import HodeiProvision
import HodeiSecurity
import NATSClient
import NATSServerControl
import Testing

@Suite(.serialized) struct RotateTests {
    /// Rotate, re-render, restart: the new key gets in, a copy of the old secret is refused.
    @Test(arguments: ["accounts", "operator"])
    func theOldKeyIsRefusedAfterRerenderAndRestart(mode authMode: String) async throws {
        let sandbox = try ProvisionSandbox("rotate-\(authMode)")
        defer { sandbox.remove() }
        let port = try FreePort.next()
        let profile = try sandbox.profile(ProfileTexts.dev(port: port, mode: authMode))
        try await RenderServerTests.withServer(sandbox, profile: profile, port: port) { server, result in
            let before = try #require(result.credentials.user(tenant: "dev", user: "worker"))
            try await RenderServerTests.expectWorks(before, url: server.url)
            let oldCopy = sandbox.path("old-secret")
            try FileManager.default.copyItem(atPath: before.file, toPath: oldCopy)

            let rotation = try UserRotation(profile: profile).rotate("dev/worker")
            #expect(rotation.previousPublicKey == before.publicKey)
            #expect(rotation.newPublicKey != before.publicKey)
            #expect(rotation.file == before.file)
            #expect(rotation.reloadHint.contains("render"))

            let rerendered = try RenderServerTests.render(sandbox, profile: profile, port: port)
            let after = try #require(rerendered.credentials.user(tenant: "dev", user: "worker"))
            #expect(after.publicKey == rotation.newPublicKey)
            // Every other identity is untouched.
            #expect(rerendered.credentials.user(tenant: "dev", user: "auditor") == result.credentials.user(tenant: "dev", user: "auditor"))
            let text = try String(contentsOfFile: rerendered.serverConfigs[0].path, encoding: .utf8)
            try text.write(to: server.configFile, atomically: true, encoding: .utf8)
            try await server.restart()

            try await RenderServerTests.expectWorks(after, url: server.url)
            let oldAuth: NATSAuth = authMode == "operator" ? .credsFile(path: oldCopy) : .nkeySeedFile(path: oldCopy)
            await RenderServerTests.expectRefused(oldAuth, url: server.url, inbox: "_INBOX_worker")
        }
    }

    @Test(arguments: ["nobody/worker", "dev/nobody", "dev", "dev/worker/extra"])
    func unknownUsersAreRejected(address: String) throws {
        let sandbox = try ProvisionSandbox("rotate-unknown")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev())
        #expect(throws: CredentialError.self) { try UserRotation(profile: profile).rotate(address) }
    }

    @Test func theAdminIdentityCanBeRotated() throws {
        let sandbox = try ProvisionSandbox("rotate-admin")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(mode: "operator"))
        let before = try #require(try CredentialBootstrap(profile: profile).run().user(tenant: "dev", user: SecretsLayout.adminUser))
        let rotation = try UserRotation(profile: profile).rotate("dev/\(SecretsLayout.adminUser)")
        #expect(rotation.previousPublicKey == before.publicKey)
        let account = try #require(try CredentialBootstrap(profile: profile).run().tenant(named: "dev"))
        let claims = try JWTCodec.decode(try #require(account.jwt), as: AccountClaims.self)
        #expect(claims.body.revocations[before.publicKey] != nil)
        #expect(account.user(named: SecretsLayout.adminUser)?.publicKey == rotation.newPublicKey)
    }
}
