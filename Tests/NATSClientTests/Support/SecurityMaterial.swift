import Foundation
import HodeiTestSupport

/// Keys, JWTs and certificates generated for one test, in a 0700 directory with 0600 files.
/// nkeys and JWTs come from the PyPI `nkeys` package (an independent implementation);
/// certificates from the `openssl` CLI. Nothing here is ever committed.
enum SecurityMaterial {
    struct NKeyUser {
        let seedFile: String
        let publicKey: String
    }

    struct Operator {
        let credsFile: String
        /// Server config lines for operator mode with a memory resolver.
        let serverConfig: String
    }

    struct TLSFiles {
        let caFile: String
        let serverCert: String
        let serverKey: String
        let clientCert: String
        let clientKey: String
    }

    static func nkeyUser(in directory: TemporaryDirectory) async throws -> NKeyUser {
        let output = try await python(["nkey", directory.path("user.nk")], directory: directory)
        let fields = try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
        return NKeyUser(seedFile: directory.path("user.nk"), publicKey: fields["user_public"] ?? "")
    }

    static func operatorWithUser(in directory: TemporaryDirectory) async throws -> Operator {
        let output = try await python(["creds", directory.path("user.creds")], directory: directory)
        let fields = try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
        let config = """
            operator: "\(fields["operator_jwt"] ?? "")"
            system_account: "\(fields["system_public"] ?? "")"
            resolver: MEMORY
            resolver_preload: {
              "\(fields["account_public"] ?? "")": "\(fields["account_jwt"] ?? "")"
              "\(fields["system_public"] ?? "")": "\(fields["system_jwt"] ?? "")"
            }
            """
        return Operator(credsFile: directory.path("user.creds"), serverConfig: config)
    }

    static func tls(in directory: TemporaryDirectory) async throws -> TLSFiles {
        let openssl = "/usr/bin/openssl"
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        _ = try await runTool(openssl, ["req", "-x509"] + ec + ["-keyout", "ca-key.pem", "-out", "ca.pem",
                                        "-days", "1", "-subj", "/CN=hodei-test-ca"], in: directory.url)
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
            .write(toFile: directory.path("server.ext"), atomically: true, encoding: .utf8)
        try "extendedKeyUsage=clientAuth\n".write(toFile: directory.path("client.ext"), atomically: true, encoding: .utf8)
        for (name, subject) in [("server", "/CN=localhost"), ("client", "/CN=hodei-test-client")] {
            _ = try await runTool(openssl, ["req"] + ec + ["-keyout", "\(name)-key.pem", "-out", "\(name).csr",
                                            "-subj", subject], in: directory.url)
            _ = try await runTool(openssl, ["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                                            "-CAcreateserial", "-out", "\(name).pem", "-days", "1",
                                            "-extfile", "\(name).ext"], in: directory.url)
        }
        for key in ["ca-key.pem", "server-key.pem", "client-key.pem"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.path(key))
        }
        return TLSFiles(caFile: directory.path("ca.pem"), serverCert: directory.path("server.pem"),
                        serverKey: directory.path("server-key.pem"), clientCert: directory.path("client.pem"),
                        clientKey: directory.path("client-key.pem"))
    }

    private static func python(_ arguments: [String], directory: TemporaryDirectory) async throws -> String {
        let script = directory.path("make_keys.py")
        try pythonScript.write(toFile: script, atomically: true, encoding: .utf8)
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "/usr/bin/env"
        let prefix = python == "/usr/bin/env" ? ["python3"] : []
        return try await runTool(python, prefix + [script] + arguments, in: directory.url)
    }

    /// Writes seeds/creds 0600 (umask 077) and prints only public material and JWTs as JSON.
    static let pythonScript = #"""
        import base64, hashlib, json, os, sys, time
        import nkeys

        os.umask(0o077)

        def new_key(prefix):
            seed = nkeys.encode_seed(os.urandom(32), prefix)
            return nkeys.from_seed(bytearray(seed)), seed

        def b64(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        def jwt(claims_nats, issuer, subject_pub, name):
            claims = {"iat": int(time.time()), "iss": issuer.public_key.decode(), "name": name,
                      "sub": subject_pub}
            digest = hashlib.new("sha512_256", json.dumps(claims, sort_keys=True).encode()).digest()
            claims["jti"] = base64.b32encode(digest).rstrip(b"=").decode()
            claims["nats"] = claims_nats
            header = b64(json.dumps({"typ": "JWT", "alg": "ed25519-nkey"}).encode())
            body = b64(json.dumps(claims).encode())
            signature = issuer.sign((header + "." + body).encode())
            return header + "." + body + "." + b64(signature)

        mode, path = sys.argv[1], sys.argv[2]
        if mode == "nkey":
            user, seed = new_key(nkeys.PREFIX_BYTE_USER)
            with open(path, "wb") as f:
                f.write(seed + b"\n")
            print(json.dumps({"user_public": user.public_key.decode()}))
        else:
            operator, _ = new_key(nkeys.PREFIX_BYTE_OPERATOR)
            system, _ = new_key(nkeys.PREFIX_BYTE_ACCOUNT)
            account, _ = new_key(nkeys.PREFIX_BYTE_ACCOUNT)
            user, user_seed = new_key(nkeys.PREFIX_BYTE_USER)
            op_pub = operator.public_key.decode()
            sys_pub = system.public_key.decode()
            acc_pub = account.public_key.decode()
            operator_jwt = jwt({"type": "operator", "version": 2, "system_account": sys_pub},
                               operator, op_pub, "hodei-test-operator")
            unlimited = {"subs": -1, "data": -1, "payload": -1, "imports": -1, "exports": -1,
                         "wildcards": True, "conn": -1, "leaf": -1}
            js = {"mem_storage": -1, "disk_storage": -1, "streams": -1, "consumer": -1}
            system_jwt = jwt({"type": "account", "version": 2, "limits": unlimited},
                             operator, sys_pub, "SYS")
            account_jwt = jwt({"type": "account", "version": 2, "limits": {**unlimited, **js}},
                              operator, acc_pub, "hodei")
            user_jwt = jwt({"type": "user", "version": 2, "pub": {}, "sub": {},
                            "subs": -1, "data": -1, "payload": -1}, account, user.public_key.decode(), "tester")
            creds = ("-----BEGIN NATS USER JWT-----\n" + user_jwt + "\n------END NATS USER JWT------\n\n"
                     "************************* IMPORTANT *************************\n"
                     "NKEY Seed printed below can be used to sign and prove identity.\n"
                     "NKEYs are sensitive and should be treated as secrets.\n\n"
                     "-----BEGIN USER NKEY SEED-----\n" + user_seed.decode() + "\n------END USER NKEY SEED------\n\n"
                     "*************************************************************\n")
            with open(path, "w") as f:
                f.write(creds)
            print(json.dumps({"operator_jwt": operator_jwt, "system_public": sys_pub, "system_jwt": system_jwt,
                              "account_public": acc_pub, "account_jwt": account_jwt}))
        """#
}
