/// A plaintext NATS client in raw sockets (CONNECT + PING), for the suites that show a TLS server
/// refuses plaintext clients; shared so the security and provisioning suites probe the same way.
public enum PlaintextProbe {
    /// argv: host, port. Exit 0 only if the server answers PONG, i.e. accepted a plaintext client;
    /// prints the tail of what the server sent, for the failure message.
    static let script = """
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

    /// Status 0 when the server at `host`:`port` accepted a plaintext client, 1 when it did not.
    public static func run(host: String, port: Int) async throws -> Subprocess.Result {
        try await Python3.run(script, [host, String(port)], timeout: .seconds(30))
    }
}
