import Testing

@testable import HodeiSecurity

struct NKeyTests {
    @Test(arguments: NKeyType.allCases)
    func generatedKeysHaveTheirPrefixAndRoundTrip(type: NKeyType) throws {
        let key = NKeyPair.generate(type)
        #expect(key.publicKeyText.count == 56)
        #expect(key.publicKeyText.first == type.letter)
        #expect(key.seed.exposedText.count == 58)
        #expect(key.seed.exposedText.hasPrefix("S" + String(type.letter)))
        let parsed = try NKeyPair(seed: key.seed, expecting: type)
        #expect(parsed.publicKeyText == key.publicKeyText)
        let publicKey = try NKeyPublicKey(key.publicKeyText, expecting: type)
        #expect(publicKey.type == type)
        #expect(publicKey.rawBytes.count == 32)
    }

    @Test func signaturesVerifyAndDetectTampering() throws {
        let key = NKeyPair.generate(.user)
        let message = Array("nonce-1234".utf8)
        let signature = try key.sign(message)
        #expect(signature.count == 64)
        #expect(key.verify(signature: signature, for: message))
        let publicKey = try NKeyPublicKey(key.publicKeyText)
        #expect(publicKey.verify(signature: signature, for: message))
        #expect(!publicKey.verify(signature: signature, for: Array("nonce-1235".utf8)))
        var flipped = signature
        flipped[10] ^= 1
        #expect(!publicKey.verify(signature: flipped, for: message))
        #expect(!NKeyPair.generate(.user).verify(signature: signature, for: message))
    }

    @Test func corruptedTextFailsTheChecksum() throws {
        let text = NKeyPair.generate(.account).publicKeyText
        var characters = Array(text)
        characters[20] = characters[20] == "A" ? "B" : "A"
        #expect(throws: NKeyError(.invalidChecksum, what: "public key")) {
            try NKeyPublicKey(String(characters))
        }
    }

    @Test func wrongTypeIsRejected() throws {
        let user = NKeyPair.generate(.user)
        #expect(throws: NKeyError(.wrongType(expected: .account, actual: .user), what: "public key")) {
            try NKeyPublicKey(user.publicKeyText, expecting: .account)
        }
        #expect(throws: NKeyError(.wrongType(expected: .operator_, actual: .user), what: "seed")) {
            try NKeyPair(seed: user.seed, expecting: .operator_)
        }
    }

    @Test func aSeedIsNotAPublicKeyAndViceVersa() throws {
        let key = NKeyPair.generate(.user)
        #expect(throws: NKeyError.self) { try NKeyPublicKey(key.seed.exposedText) }
        #expect(throws: NKeyError.self) { try NKeyPair(seed: SecretString(key.publicKeyText)) }
        #expect(throws: NKeyError.self) { try NKeyPublicKey("not-base32!") }
    }

    @Test func seedNeverAppearsInDescriptionsOrErrors() throws {
        let key = NKeyPair.generate(.user)
        let seed = key.seed.exposedText
        let renderings = [
            String(describing: key), String(reflecting: key), "\(key)", String(describing: key.seed),
            String(reflecting: key.seed), "\(key.seed)", dumpText(key), dumpText(key.seed),
        ]
        for text in renderings {
            #expect(!text.contains(seed))
            #expect(!Redaction.containsSecret(text))
        }
        var corrupted = Array(seed)
        corrupted[30] = corrupted[30] == "A" ? "B" : "A"
        do {
            _ = try NKeyPair(seed: SecretString(String(corrupted)))
            Issue.record("a corrupted seed was accepted")
        } catch {
            #expect(!error.description.contains(String(corrupted.dropFirst(2).prefix(20))))
            #expect(!Redaction.containsSecret(error.description))
        }
    }

    private func dumpText<T>(_ value: T) -> String {
        var output = ""
        dump(value, to: &output)
        return output
    }
}
