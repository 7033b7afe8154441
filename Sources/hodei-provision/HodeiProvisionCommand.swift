import ArgumentParser

@main
struct HodeiProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hodei-provision",
        abstract: "Provision a secured, multi-tenant NATS JetStream event bus from a profile.",
        discussion: """
            A profile (YAML, one per environment, see docs/profile.md) declares tenants, users,
            credentials, TLS, streams and consumer groups. Typical flow:

              hodei-provision validate profiles/prod.profile
              hodei-provision plan profiles/prod.profile --out plan.json
              hodei-provision apply plan.json --profile profiles/prod.profile

            Exit codes: 0 success or nothing to do; 1 error (nothing changed for invalid input);
            2 changes pending / drift / threshold exceeded; 64 usage error.
            """,
        subcommands: [
            Validate.self, Explain.self, Schema.self,
            Plan.self, Apply.self, Drift.self, Export.self, Destroy.self, History.self, Status.self,
            Render.self, Certs.self, Rotate.self, Up.self, Down.self, Demo.self,
        ]
    )
}
