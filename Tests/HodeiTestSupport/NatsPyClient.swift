/// nats-py, a NATS client we did not write, connecting to a real server: the suites use it to
/// show that our credentials, certificates and rendered configs work for an independent client.
/// One script serves them all, so the connect options and the exit convention (0 = everything
/// worked, 1 = "FAILED <error>" on stdout) are written once.
public enum NatsPyClient {
    /// How the client authenticates; the paths go on the command line, the secrets stay in the files.
    public enum Auth: Sendable {
        case none
        /// A `.creds` file (user JWT and seed).
        case creds(String)
        /// A `.nk` file holding a user's nkey seed.
        case nkeySeed(String)
    }

    /// TLS with `ca` as the only trusted root; a client certificate when `certificate` and `key` are given.
    public struct TLS: Sendable {
        public let ca: String
        public let certificate: String?
        public let key: String?

        public init(ca: String, certificate: String? = nil, key: String? = nil) {
            self.ca = ca
            self.certificate = certificate
            self.key = key
        }
    }

    /// What the client does once connected.
    public enum Check: Sendable {
        /// Publish on `subject` and flush (a PING/PONG round trip): shows the server accepted the
        /// client, and needs no permission to subscribe.
        case publish(subject: String)
        /// Subscribe to `subject`, publish on it and receive the message back; then, with `jetStream`,
        /// JetStream account info must succeed (`true`) or be refused (`false`).
        case echo(subject: String, jetStream: Bool? = nil)
    }

    /// argv: url, ca ("-" = no TLS), cert ("-" = none), key, auth ("-" | "creds" | "nkey"), auth file,
    /// inbox prefix ("-" = default), check ("publish" | "echo" | "jetstream" | "no-jetstream"), subject.
    static let script = """
        import asyncio, ssl, sys, nats
        async def main(url, ca, cert, key, auth, path, inbox, check, subject):
            options = {}
            if ca != "-":
                options["tls"] = ssl.create_default_context(cafile=ca)
                if cert != "-":
                    options["tls"].load_cert_chain(cert, key)
            if auth == "creds":
                options["user_credentials"] = path
            elif auth == "nkey":
                options["nkeys_seed"] = path
            if inbox != "-":
                options["inbox_prefix"] = inbox.encode()
            nc = await nats.connect(url, allow_reconnect=False, connect_timeout=5, **options)
            try:
                if check == "publish":
                    await nc.publish(subject, b"from nats-py")
                    await nc.flush(timeout=5)
                    return
                sub = await nc.subscribe(subject)
                await nc.publish(subject, b"from nats-py")
                msg = await sub.next_msg(timeout=5)
                assert msg.data == b"from nats-py", msg.data
                if check != "echo":
                    js = nc.jetstream()
                    try:
                        await js.account_info()
                        enabled = True
                    except Exception as e:
                        enabled = False
                        print("account_info:", type(e).__name__, e)
                    assert enabled == (check == "jetstream"), "jetstream enabled=%s" % enabled
            finally:
                await nc.close()
        try:
            asyncio.run(asyncio.wait_for(main(*sys.argv[1:]), 20))
        except Exception as e:
            print("FAILED", type(e).__name__, e)
            sys.exit(1)
        """

    /// Connects to `url` and runs `check`: status 0 when all of it worked, 1 when the server
    /// refused the client or the check failed (the error is on stdout).
    public static func run(
        url: String, tls: TLS? = nil, auth: Auth = .none, inboxPrefix: String? = nil, check: Check,
        timeout: Duration = .seconds(40)
    ) async throws -> Subprocess.Result {
        let tlsArguments = tls.map { [$0.ca, $0.certificate ?? "-", $0.key ?? "-"] } ?? ["-", "-", "-"]
        let authArguments = switch auth {
        case .none: ["-", "-"]
        case .creds(let path): ["creds", path]
        case .nkeySeed(let path): ["nkey", path]
        }
        let checkArguments = switch check {
        case .publish(let subject): ["publish", subject]
        case .echo(let subject, nil): ["echo", subject]
        case .echo(let subject, true?): ["jetstream", subject]
        case .echo(let subject, false?): ["no-jetstream", subject]
        }
        return try await Python3.run(
            script, [url] + tlsArguments + authArguments + [inboxPrefix ?? "-"] + checkArguments, timeout: timeout)
    }
}
