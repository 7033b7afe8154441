import Foundation
@testable import HodeiProfile
import HodeiProvision
import HodeiSecurity
import Testing

@Suite struct CredentialsBootstrapTests {
    @Test func accountsModeWritesOneSeedPerUserPrivately() throws {
        let sandbox = try ProvisionSandbox("accounts")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev())
        let set = try CredentialBootstrap(profile: profile).run()
        let layout = SecretsLayout(profile: profile)
        #expect(set.mode == .accounts)
        #expect(set.operatorIdentity == nil)
        #expect(set.tenants.map(\.name) == ["dev"])
        #expect(set.tenant(named: "dev")?.users.map(\.name) == ["auditor", "hodei-admin", "worker"])
        #expect(set.systemAccount.users.map(\.name) == [SecretsLayout.systemUser])
        for user in set.tenants[0].users + set.systemAccount.users {
            #expect(user.kind == .nkeySeed)
            #expect(user.file == layout.userSeed(tenant: user.tenant, user: user.name))
            #expect(try mode(of: user.file) == 0o600)
            let seed = try String(contentsOfFile: user.file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try NKeyPair(seed: SecretString(seed), expecting: .user).publicKeyText == user.publicKey)
        }
        for directory in [layout.root, layout.root + "/accounts", layout.accountDirectory("dev"), layout.userDirectory(tenant: "dev")] {
            #expect(try mode(of: directory) == 0o700, "\(directory)")
        }
        #expect(FileManager.default.fileExists(atPath: layout.root + "/.gitignore"))
    }

    @Test func operatorModeIssuesTheChainOfJWTs() throws {
        let sandbox = try ProvisionSandbox("operator")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(mode: "operator"))
        let set = try CredentialBootstrap(profile: profile).run()
        let identity = try #require(set.operatorIdentity)
        let operatorClaims = try JWTCodec.decode(identity.jwt, as: OperatorClaims.self, expectedIssuer: identity.publicKey)
        #expect(operatorClaims.body.systemAccount == set.systemAccount.publicKey)

        let dev = try #require(set.tenant(named: "dev"))
        let account = try JWTCodec.decode(try #require(dev.jwt), as: AccountClaims.self, expectedIssuer: identity.publicKey)
        #expect(account.subject == dev.publicKey)
        #expect(account.body.limits.jetStream.isEnabled)
        #expect(account.body.limits.jetStream.diskStorage == 1 << 30)
        #expect(account.body.limits.jetStream.memoryStorage == 64 << 20)
        #expect(account.body.limits.jetStream.streams == 5)
        #expect(account.body.limits.jetStream.consumers == 20)
        #expect(account.body.limits.connections == 50)
        let system = try JWTCodec.decode(try #require(set.systemAccount.jwt), as: AccountClaims.self, expectedIssuer: identity.publicKey)
        #expect(!system.body.limits.jetStream.isEnabled)

        let worker = try #require(dev.user(named: "worker"))
        let creds = try CredsFile.parse(SecretString(try String(contentsOfFile: worker.file, encoding: .utf8)))
        let claims = try JWTCodec.decode(creds.jwt, as: UserClaims.self, expectedIssuer: dev.publicKey)
        #expect(claims.subject == worker.publicKey)
        #expect(claims.body.permissions.publish.allow == worker.permissions.publishAllow)
        #expect(claims.body.permissions.subscribe.allow == ["_INBOX_worker.>"])
        #expect(claims.body.permissions.publish.allow.contains("$JS.ACK.HODEI_EVENTS.jobs.>"))
        #expect(try mode(of: worker.file) == 0o600)

        // A user with no publish grant must not end up with "publish anything" (an empty JWT list).
        let auditor = try #require(dev.user(named: "auditor"))
        let auditorCreds = try CredsFile.parse(SecretString(try String(contentsOfFile: auditor.file, encoding: .utf8)))
        let auditorClaims = try JWTCodec.decode(auditorCreds.jwt, as: UserClaims.self)
        #expect(auditorClaims.body.permissions.publish == SubjectPermission(deny: [">"]))

        let admin = try #require(dev.user(named: SecretsLayout.adminUser))
        let adminCreds = try CredsFile.parse(SecretString(try String(contentsOfFile: admin.file, encoding: .utf8)))
        let adminClaims = try JWTCodec.decode(adminCreds.jwt, as: UserClaims.self)
        #expect(adminClaims.body.permissions.publish.allow == ["$JS.API.>", "$KV.hodei_provision.>"])
        #expect(adminClaims.body.permissions.subscribe.allow == ["_INBOX_hodei-admin.>"])
    }

    @Test(arguments: ["accounts", "operator"])
    func aSecondRunChangesNoFile(mode authMode: String) throws {
        let sandbox = try ProvisionSandbox("idempotent")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(mode: authMode))
        let first = try CredentialBootstrap(profile: profile).run()
        let before = try snapshot(SecretsLayout(profile: profile).root)
        #expect(!before.isEmpty)
        let second = try CredentialBootstrap(profile: profile, now: Date().addingTimeInterval(5)).run()
        let after = try snapshot(SecretsLayout(profile: profile).root)
        #expect(Set(before.keys) == Set(after.keys))
        for (file, (data, date)) in before {
            #expect(after[file]?.0 == data, "\(file) changed")
            #expect(after[file]?.1 == date, "\(file) was rewritten")
        }
        #expect(second.events.allSatisfy { !$0.changed }, "\(second.events.filter(\.changed))")
        #expect(first.tenants == second.tenants)
        #expect(first.systemAccount == second.systemAccount)
        #expect(first.operatorIdentity == second.operatorIdentity)
    }

    @Test func changedLimitsReissueTheAccountJWTButKeepEveryKey() throws {
        let sandbox = try ProvisionSandbox("limits")
        defer { sandbox.remove() }
        let first = try CredentialBootstrap(profile: try sandbox.profile(ProfileTexts.dev(mode: "operator"))).run()
        let profile = try sandbox.profile(ProfileTexts.dev(mode: "operator", maxFile: "2GiB"))
        let second = try CredentialBootstrap(profile: profile).run()
        #expect(second.tenant(named: "dev")?.publicKey == first.tenant(named: "dev")?.publicKey)
        #expect(second.tenant(named: "dev")?.users.map(\.publicKey) == first.tenant(named: "dev")?.users.map(\.publicKey))
        #expect(second.events.contains { $0.subject == "account dev" && $0.action == .reissued(reason: "limits changed") })
        let claims = try JWTCodec.decode(try #require(second.tenant(named: "dev")?.jwt), as: AccountClaims.self)
        #expect(claims.body.limits.jetStream.diskStorage == 2 << 30)
    }

    @Test func removedUsersAreReportedNotDeleted() throws {
        let sandbox = try ProvisionSandbox("orphans")
        defer { sandbox.remove() }
        let first = try CredentialBootstrap(profile: try sandbox.profile(ProfileTexts.dev())).run()
        let auditorFile = try #require(first.user(tenant: "dev", user: "auditor")).file
        let profile = try sandbox.profile(ProfileTexts.dev(userLine: #"users: {worker: {publish: ["hodei.events.worker.>"]}}"#))
        let second = try CredentialBootstrap(profile: profile).run()
        #expect(second.orphans.map(\.address) == ["dev/auditor"])
        #expect(second.orphans.first?.path == auditorFile)
        #expect(FileManager.default.fileExists(atPath: auditorFile))
        #expect(second.user(tenant: "dev", user: "auditor") == nil)
    }

    @Test func theAdminUserNameIsReserved() throws {
        let sandbox = try ProvisionSandbox("reserved")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev(userLine: #"users: {hodei-admin: {publish: ["hodei.events.worker.>"]}}"#))
        #expect(throws: CredentialError.self) { try CredentialBootstrap(profile: profile).run() }
        #expect(!FileManager.default.fileExists(atPath: SecretsLayout(profile: profile).root))
    }

    @Test func aSeedReadableByOthersIsRefusedNotReplaced() throws {
        let sandbox = try ProvisionSandbox("mode")
        defer { sandbox.remove() }
        let profile = try sandbox.profile(ProfileTexts.dev())
        let worker = try #require(try CredentialBootstrap(profile: profile).run().user(tenant: "dev", user: "worker"))
        let before = try Data(contentsOf: URL(fileURLWithPath: worker.file))
        chmod(worker.file, 0o644)
        #expect(throws: CredentialError.self) { try CredentialBootstrap(profile: profile).run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: worker.file)) == before)
    }

    @Test func limitsMapToTheAccountJWT() {
        let limits = IdentityPolicy.accountLimits(.init(
            maxStreams: nil, maxConsumers: 7, maxFile: 100, maxMem: nil, maxAckPending: 9, maxConnections: nil,
            maxSubscriptions: 11, maxPayload: 12, maxData: 13, maxBytesRequired: true))
        #expect(limits.jetStream == JetStreamLimits(
            memoryStorage: -1, diskStorage: 100, streams: -1, consumers: 7, maxAckPending: 9, maxBytesRequired: true))
        #expect(limits.subscriptions == 11 && limits.payload == 12 && limits.data == 13 && limits.connections == -1)
    }
}
