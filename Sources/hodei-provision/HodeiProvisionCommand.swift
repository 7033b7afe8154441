import ArgumentParser

@main
struct HodeiProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hodei-provision",
        abstract: "Provision a secured, multi-tenant NATS JetStream event bus from a profile.",
        subcommands: [Validate.self, Explain.self, Schema.self, Plan.self, Apply.self, Status.self]
    )
}
