import ArgumentParser
import Foundation
import NATSServerControl

/// The options of the benches that race this project against the C peer over raw libnats
/// (`nats-c-bench`) on a server they start: defined once, so those benches take the same flags with
/// the same help and defaults, and find their programs the same way.
struct CPeerOptions: ParsableArguments {
    @Option(help: "Runs per implementation (the median is reported).") var runs = 3
    @Option(help: "nats-server binary (default: NATS_SERVER_BIN, else PATH).") var serverBin: String?
    @Option(help: "The C peer (default: nats-c-bench next to this executable).") var cBench: String?

    /// The nats-server binary and the C peer's path; a missing C peer fails here, before any server starts.
    func resolve() throws -> (server: NATSServerBinary, cProgram: String) {
        let binary = try NATSServerBinary.resolve(explicitPath: serverBin)
        let cProgram = cBench ?? Self.siblingExecutable("nats-c-bench")
        guard FileManager.default.isExecutableFile(atPath: cProgram) else {
            throw ValidationError("\(cProgram): C peer not found; build it with `swift build -c release`")
        }
        return (binary, cProgram)
    }

    /// SwiftPM builds every executable product into one directory, so the C peer sits next to us.
    private static func siblingExecutable(_ name: String) -> String {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
