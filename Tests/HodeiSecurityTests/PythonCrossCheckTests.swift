import Foundation
import HodeiTestSupport
import Testing

@testable import HodeiSecurity

/// Our nkeys, hashes and JWTs checked by independent implementations (PyPI nkeys, PyNaCl, hashlib).
@Suite(.serialized)
struct PythonCrossCheckTests {
    static func hex(_ bytes: [UInt8]) -> String { SHA512_256Tests.hex(bytes) }

    func python(_ script: String, _ arguments: [String] = [], stdin: String = "") async throws -> [String] {
        let result = try await Python3.run(script, arguments, stdin: stdin)
        try #require(result.status == 0, "python failed: \(Redaction.redact(result.stderr))")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func pythonDerivesOurPublicKeysFromOurSeeds() async throws {
        let keys = NKeyType.allCases.flatMap { type in (0..<4).map { _ in NKeyPair.generate(type) } }
        let output = try await python(PythonScripts.derivePublicKeys, stdin: keys.map(\.seed.exposedText).joined(separator: "\n"))
        #expect(output == keys.map(\.publicKeyText))
    }

    @Test func pythonVerifiesOurSignatures() async throws {
        var lines: [String] = []
        var expected: [String] = []
        for type in NKeyType.allCases {
            let key = NKeyPair.generate(type)
            let message = (0..<Int.random(in: 1...200)).map { _ in UInt8.random(in: 0...255) }
            var signature = try key.sign(message)
            lines.append("\(key.seed.exposedText) \(key.publicKeyText) \(Self.hex(message)) \(Self.hex(signature))")
            expected.append("ok")
            signature[0] ^= 0x80
            lines.append("\(key.seed.exposedText) \(key.publicKeyText) \(Self.hex(message)) \(Self.hex(signature))")
            expected.append("bad")
        }
        let output = try await python(PythonScripts.verifySignatures, stdin: lines.joined(separator: "\n"))
        #expect(output == expected)
    }

    @Test func weDerivePythonsPublicKeysFromPythonSeeds() async throws {
        let output = try await python(PythonScripts.generateSeeds, ["3"])
        #expect(output.count == 15)
        for line in output {
            let parts = line.split(separator: " ").map(String.init)
            let key = try NKeyPair(seed: SecretString(parts[0]))
            #expect(key.publicKeyText == parts[1])
            #expect(key.seed.exposedText == parts[0])
        }
    }

    @Test func sha512_256MatchesHashlibOnRandomInputs() async throws {
        let inputs: [[UInt8]] = [[]] + (0..<60).map { index in
            (0..<(index < 20 ? index * 7 : Int.random(in: 0...1000))).map { _ in UInt8.random(in: 0...255) }
        }
        let output = try await python(
            PythonScripts.sha512_256, stdin: inputs.map { $0.isEmpty ? "-" : Self.hex($0) }.joined(separator: "\n"))
        #expect(output == inputs.map { Self.hex(SHA512_256.hash($0)) })
    }

    @Test func pythonVerifiesOurJWTsAndTheirJTI() async throws {
        let operatorKey = NKeyPair.generate(.operator_)
        let accountKey = NKeyPair.generate(.account)
        let userKey = NKeyPair.generate(.user)
        let tokens = [
            try JWTIssuer.issueOperator(name: "hodei", operatorKey: operatorKey, systemAccount: accountKey.publicKey),
            try JWTIssuer.issueAccount(
                name: "acme", accountKey: accountKey.publicKey, operatorKey: operatorKey,
                limits: AccountLimits(jetStream: .unlimited)),
            try JWTIssuer.issueUser(
                name: "worker", userKey: userKey.publicKey, accountKey: accountKey,
                permissions: Permissions(publish: SubjectPermission(allow: ["hodei.events.acme.>"])),
                expires: Date().addingTimeInterval(3600)),
        ]
        let forged = tokens[2].dropLast(4) + "AAAA"
        let output = try await python(PythonScripts.verifyJWTs, stdin: (tokens + [String(forged)]).joined(separator: "\n"))
        #expect(output.count == 4)
        #expect(output[0] == "ok operator \(operatorKey.publicKeyText)")
        #expect(output[1] == "ok account \(accountKey.publicKeyText)")
        #expect(output[2] == "ok user \(userKey.publicKeyText)")
        #expect(output[3].hasPrefix("bad"))
    }
}
