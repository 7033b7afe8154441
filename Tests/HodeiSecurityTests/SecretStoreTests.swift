import Foundation
import HodeiTestSupport
import Testing

@testable import HodeiSecurity

struct SecretStoreTests {
    @Test func createsPrivateDirectoryFilesAndGitignore() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let directory = temp.url.appendingPathComponent("secrets/dev")
        let previous = umask(0)  // the most permissive umask must not leak into the modes
        defer { umask(previous) }
        let store = try SecretStore(directory: directory)
        #expect(try temp.mode(of: directory.path) == 0o700)
        let gitignore = try String(contentsOf: directory.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.split(separator: "\n").contains("*"))
        try store.write(SecretString("s3cret"), name: "token.txt")
        #expect(try temp.mode(of: store.path(for: "token.txt")) == 0o600)
        #expect(try store.read(name: "token.txt")?.exposedText == "s3cret")
        #expect(try store.read(name: "absent") == nil)
    }

    @Test func tightensALooseDirectory() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        chmod(temp.url.path, 0o755)
        _ = try SecretStore(directory: temp.url)
        #expect(try temp.mode(of: temp.url.path) == 0o700)
    }

    @Test func refusesASecretFileOthersCanRead() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        try store.write(SecretString("x"), name: "leaky.nk")
        chmod(try store.path(for: "leaky.nk"), 0o644)
        #expect(throws: SecretStoreError(path: try store.path(for: "leaky.nk"), .insecureFileMode(0o644))) {
            try store.read(name: "leaky.nk")
        }
    }

    @Test func overwriteIsAtomicAndLeavesNoTemporaryFiles() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        try store.write(SecretString("one"), name: "a.creds")
        try store.write(SecretString("two"), name: "a.creds")
        #expect(try store.read(name: "a.creds")?.exposedText == "two")
        let names = try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted()
        #expect(names == [".gitignore", "a.creds"])
    }

    @Test func loadOrCreateReusesExistingKeys() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let first = try store.loadOrCreateNKey(name: "operator", type: .operator_)
        #expect(first.created)
        #expect(try temp.mode(of: store.path(for: "operator.nk")) == 0o600)
        let second = try SecretStore(directory: temp.url).loadOrCreateNKey(name: "operator", type: .operator_)
        #expect(!second.created)
        #expect(second.key.publicKeyText == first.key.publicKeyText)
    }

    @Test func neverRegeneratesAnUnreadableOrMistypedKey() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        try store.write(SecretString("garbage"), name: "acme.nk")
        #expect(throws: SecretStoreError.self) { try store.loadOrCreateNKey(name: "acme", type: .account) }
        #expect(try store.read(name: "acme.nk")?.exposedText == "garbage")
        _ = try store.loadOrCreateNKey(name: "u", type: .user)
        #expect(throws: SecretStoreError(path: try store.path(for: "u.nk"), .wrongKeyType(expected: .account, actual: .user))) {
            try store.loadOrCreateNKey(name: "u", type: .account)
        }
    }

    @Test(arguments: ["", "../x", "a/b", ".hidden", "sp ace"])
    func rejectsNamesThatEscapeTheDirectory(name: String) throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        #expect(throws: SecretStoreError.self) { try store.write(SecretString("x"), name: name) }
    }

    @Test func refusesAFileWhereTheDirectoryShouldBe() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let file = temp.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: SecretStoreError(path: file.path, .notADirectory)) { try SecretStore(directory: file) }
    }

    @Test func errorsNeverContainFileContent() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let seed = NKeyPair.generate(.account).seed.exposedText
        // A seed with a typo: the error must describe it without echoing it.
        var typo = Array(seed)
        typo[30] = typo[30] == "A" ? "B" : "A"
        try store.write(SecretString(String(typo)), name: "typo.nk")
        do {
            _ = try store.loadOrCreateNKey(name: "typo", type: .account)
            Issue.record("a corrupted seed was accepted")
        } catch {
            #expect(!error.description.contains(String(seed.dropFirst(2).prefix(20))))
            #expect(!Redaction.containsSecret(error.description))
        }
    }
}

struct UserCredentialsStoreTests {
    let account = NKeyPair.generate(.account)
    let permissions = Permissions(publish: SubjectPermission(allow: ["hodei.events.acme.>"]))

    @Test func createsThenKeepsThenReissuesWithTheSameKey() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let first = try store.loadOrIssueUserCreds(name: "acme-worker", userName: "worker", signer: account, permissions: permissions)
        #expect(first.outcome == .created)
        #expect(try temp.mode(of: store.path(for: "acme-worker.creds")) == 0o600)
        let second = try store.loadOrIssueUserCreds(name: "acme-worker", userName: "worker", signer: account, permissions: permissions)
        #expect(second.outcome == .unchanged)
        #expect(second.creds.jwt == first.creds.jwt)
        var wider = permissions
        wider.subscribe.allow = ["_INBOX.>"]
        let third = try store.loadOrIssueUserCreds(name: "acme-worker", userName: "worker", signer: account, permissions: wider)
        #expect(third.outcome == .reissued(reason: "permissions changed"))
        #expect(third.creds.seed == first.creds.seed)
        let claims = try JWTCodec.decode(third.creds.jwt, as: UserClaims.self, expectedIssuer: account.publicKeyText)
        #expect(claims.body.permissions == wider)
    }

    @Test func rotationMakesANewKeyAndNamesTheOldOne() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let first = try store.loadOrIssueUserCreds(name: "u", userName: "u", signer: account, permissions: permissions)
        let oldUser = try NKeyPair(seed: first.creds.seed).publicKeyText
        let rotated = try store.rotateUserCreds(name: "u", userName: "u", signer: account, permissions: permissions)
        #expect(rotated.outcome == .rotated(previousUser: oldUser))
        #expect(rotated.creds.seed != first.creds.seed)
        #expect(try store.loadCreds(name: "u")?.jwt == rotated.creds.jwt)
    }

    @Test func aDamagedCredsFileIsAnErrorNotReplaced() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        try store.write(SecretString("-----BEGIN NATS USER JWT-----\nnope\n"), name: "u.creds")
        #expect(throws: SecretStoreError.self) {
            try store.loadOrIssueUserCreds(name: "u", userName: "u", signer: account, permissions: permissions)
        }
        #expect(try store.read(name: "u.creds")?.exposedText.contains("nope") == true)
    }
}
