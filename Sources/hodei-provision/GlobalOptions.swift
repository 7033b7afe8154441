import ArgumentParser
import Foundation

/// Flags every command shares.
struct GlobalOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text (for people) or json (for tools).")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Do not colour the output (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    /// Colour only for people at a terminal who did not opt out.
    var useColor: Bool {
        !noColor && format == .text && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }
}
