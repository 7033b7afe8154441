/// Independent implementations the tests check against: PyPI `nkeys` (PyNaCl), `hashlib`,
/// `nats-py`. Inputs arrive on stdin so that no secret is put on a command line.
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

    /// argv: url, creds path, mode ("pubsub" | "jetstream" | "no-jetstream"). Exit 0 on success;
    /// on failure prints the error class and message and exits 1.
    static let natsClient = """
        import asyncio, sys, nats
        async def main(url, creds, mode):
            nc = await nats.connect(url, user_credentials=creds, allow_reconnect=False, connect_timeout=5)
            try:
                sub = await nc.subscribe("hodei.events.test.ping")
                await nc.publish("hodei.events.test.ping", b"ping")
                msg = await sub.next_msg(timeout=5)
                assert msg.data == b"ping", msg.data
                if mode != "pubsub":
                    js = nc.jetstream()
                    try:
                        await js.account_info()
                        enabled = True
                    except Exception as e:
                        enabled = False
                        print("account_info:", type(e).__name__, e)
                    assert enabled == (mode == "jetstream"), "jetstream enabled=%s" % enabled
            finally:
                await nc.close()
        try:
            asyncio.run(asyncio.wait_for(main(*sys.argv[1:4]), 20))
        except Exception as e:
            print("FAILED", type(e).__name__, e)
            sys.exit(1)
        """

    /// argv: url, CA file, then optionally client cert and key files ("-" = none). Publishes and
    /// receives one message; exit 0 on success, 1 (with the error) on failure.
    static let natsTLSClient = """
        import asyncio, ssl, sys, nats
        async def main(url, ca, cert, key):
            ctx = None
            if ca != "-":
                ctx = ssl.create_default_context(cafile=ca)
                if cert != "-":
                    ctx.load_cert_chain(cert, key)
            nc = await nats.connect(url, tls=ctx, allow_reconnect=False, connect_timeout=5)
            try:
                sub = await nc.subscribe("hodei.events.test.tls")
                await nc.publish("hodei.events.test.tls", b"tls")
                assert (await sub.next_msg(timeout=5)).data == b"tls"
            finally:
                await nc.close()
        try:
            asyncio.run(asyncio.wait_for(main(*sys.argv[1:5]), 20))
        except Exception as e:
            print("FAILED", type(e).__name__, e)
            sys.exit(1)
        """

    /// argv: host, port. Speaks plaintext NATS (CONNECT + PING) to a server; exit 0 only if the
    /// server answers PONG, i.e. accepted a plaintext client.
    static let plaintextProbe = """
        import socket, sys
        s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5)
        data = s.recv(4096)
        try:
            s.sendall(b'CONNECT {"verbose":false,"pedantic":false}\\r\\nPING\\r\\n')
            while b"PONG" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError as e:
            print("closed:", e)
        print(data[-200:])
        sys.exit(0 if b"PONG" in data else 1)
        """
}
