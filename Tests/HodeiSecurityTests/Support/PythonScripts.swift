/// Independent implementations the tests check against: PyPI `nkeys` (PyNaCl), `hashlib`.
/// Inputs arrive on stdin so that no secret is put on a command line. (The nats-py peers live in
/// HodeiTestSupport, since the provisioning suites run them too.)
enum PythonScripts {
    /// stdin: seeds, one per line → stdout: the public key of each, one per line.
    static let derivePublicKeys = """
        import sys, nkeys
        for line in sys.stdin.read().split():
            print(nkeys.from_seed(line.encode()).public_key.decode())
        """

    /// stdin: lines "seed publickey messagehex signaturehex" → "ok"/"bad" per line, verified both
    /// with the seed's key pair and with the public key text alone (base32 + CRC checked here).
    static let verifySignatures = """
        import sys, base64, binascii, nkeys, nacl.signing, nacl.exceptions
        def raw_public(text):
            data = base64.b32decode(text + "=" * (-len(text) % 8))
            body, crc = data[:-2], data[-2:]
            assert bytes(nkeys.crc16_checksum(body)) == crc, "crc"
            return body[1:]
        for line in sys.stdin.read().splitlines():
            seed, public, msg, sig = line.split()
            msg, sig = binascii.unhexlify(msg), binascii.unhexlify(sig)
            try:
                kp = nkeys.from_seed(seed.encode())
                assert kp.public_key.decode() == public
                kp.verify(msg, sig)
                nacl.signing.VerifyKey(raw_public(public)).verify(msg, sig)
                print("ok")
            except (nkeys.ErrInvalidSignature, nacl.exceptions.BadSignatureError):
                print("bad")
        """

    /// argv[1] = count → stdout: "seed publickey" lines for each nkey type, made by PyPI nkeys.
    static let generateSeeds = """
        import sys, os, nkeys
        prefixes = [nkeys.PREFIX_BYTE_OPERATOR, nkeys.PREFIX_BYTE_ACCOUNT, nkeys.PREFIX_BYTE_USER,
                    nkeys.PREFIX_BYTE_SERVER, nkeys.PREFIX_BYTE_CLUSTER]
        for _ in range(int(sys.argv[1])):
            for prefix in prefixes:
                seed = nkeys.encode_seed(os.urandom(32), prefix)
                print(seed.decode(), nkeys.from_seed(seed).public_key.decode())
        """

    /// stdin: hex inputs, one per line ("-" = empty) → SHA-512/256 hex digests.
    static let sha512_256 = """
        import sys, hashlib, binascii
        for line in sys.stdin.read().split():
            data = b"" if line == "-" else binascii.unhexlify(line)
            print(hashlib.new("sha512_256", data).hexdigest())
        """

    /// stdin: JWTs, one per line → per token "ok <type> <sub>" or "bad <reason>". Checks the
    /// exact header, the Ed25519 signature by `iss`, and recomputes `jti`.
    static let verifyJWTs = """
        import sys, json, base64, hashlib, nkeys, nacl.signing, nacl.exceptions
        def b64(s):
            return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        def raw_public(text):
            data = base64.b32decode(text + "=" * (-len(text) % 8))
            body, crc = data[:-2], data[-2:]
            if bytes(nkeys.crc16_checksum(body)) != crc:
                raise ValueError("crc")
            return body[1:]
        for token in sys.stdin.read().split():
            try:
                h, p, s = token.split(".")
                if b64(h) != b'{"typ":"JWT","alg":"ed25519-nkey"}':
                    raise ValueError("header")
                claims = json.loads(b64(p))
                nacl.signing.VerifyKey(raw_public(claims["iss"])).verify((h + "." + p).encode(), b64(s))
                std = {k: claims[k] for k in ["aud", "exp", "iat", "iss", "name", "nbf", "sub"] if claims.get(k)}
                jti = base64.b32encode(hashlib.new("sha512_256",
                        json.dumps(std, separators=(",", ":")).encode()).digest()).decode().rstrip("=")
                if jti != claims["jti"]:
                    raise ValueError("jti")
                print("ok", claims["nats"]["type"], claims["sub"])
            except (ValueError, KeyError, nacl.exceptions.BadSignatureError) as e:
                print("bad", type(e).__name__, e)
        """
}
