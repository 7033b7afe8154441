import HodeiProfile
import NATSServerControl

/// `--server-version auto`: the version of the `nats-server` that would run (NATS_SERVER_BIN or PATH).
public enum ServerVersionDetection {
    public static func detect() async throws(RenderError) -> ServerVersion {
        do {
            let text = try await NATSServerBinary.resolve().version()
            guard let version = ServerVersion(text) else {
                throw RenderError(location: "nats-server --version", problem: "unexpected version \(text)", fix: "pass --server-version")
            }
            return version
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(
                location: "nats-server", problem: "cannot detect the server version (\(error))",
                fix: "install nats-server, set NATS_SERVER_BIN, or pass --server-version 2.9.10|2.15.1")
        }
    }
}
