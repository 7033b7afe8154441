import Foundation

/// Which `nats-server` executable to run, and its version.
public struct NATSServerBinary: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `explicitPath`, else `$NATS_SERVER_BIN`, else the first `nats-server` on `$PATH`.
    public static func resolve(explicitPath: String? = nil) throws(NATSServerControlError) -> NATSServerBinary {
        let environment = ProcessInfo.processInfo.environment
        if let explicitPath { return try checked(explicitPath, source: "explicit path") }
        if let fromEnvironment = environment["NATS_SERVER_BIN"], !fromEnvironment.isEmpty {
            return try checked(fromEnvironment, source: "NATS_SERVER_BIN")
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/nats-server"
            if FileManager.default.isExecutableFile(atPath: candidate) { return NATSServerBinary(path: candidate) }
        }
        throw NATSServerControlError(kind: .binaryNotFound, path: "nats-server", detail: "not on PATH")
    }

    /// The old server used for version-gating tests: `$NATS_SERVER_OLD_BIN`, else Debian's
    /// `/usr/sbin/nats-server` (2.9.10).
    public static func resolveOld() throws(NATSServerControlError) -> NATSServerBinary {
        let path = ProcessInfo.processInfo.environment["NATS_SERVER_OLD_BIN"] ?? "/usr/sbin/nats-server"
        return try checked(path, source: "NATS_SERVER_OLD_BIN")
    }

    private static func checked(_ path: String, source: String) throws(NATSServerControlError) -> NATSServerBinary {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw NATSServerControlError(kind: .binaryNotFound, path: path, detail: "\(source) names no executable file")
        }
        return NATSServerBinary(path: path)
    }

    /// The version `nats-server --version` reports, e.g. `2.15.1`.
    public func version() async throws(NATSServerControlError) -> String {
        let output = try await ProcessRunner.output(of: path, arguments: ["--version"])
        // "nats-server: v2.15.1"
        guard let token = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).last(where: { $0.hasPrefix("v") }) else {
            throw NATSServerControlError(kind: .io, path: path, detail: "unexpected --version output: \(output)")
        }
        return String(token.dropFirst())
    }
}
