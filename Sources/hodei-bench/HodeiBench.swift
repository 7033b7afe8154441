import ArgumentParser

/// Release-built benchmarks. Each subcommand measures this project against a peer in the same run
/// and prints a table of ratios. Run: `swift run -c release hodei-bench <name>`.
@main
struct HodeiBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hodei-bench",
        abstract: "Benchmarks of hodei-provision against peers (libnats in C, nats-py) measured in the same run.",
        subcommands: [JSPub.self, InMemory.self, Validate.self, NatsBusPublish.self, NatsBusLatency.self]
    )
}
