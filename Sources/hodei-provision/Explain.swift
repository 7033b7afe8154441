import ArgumentParser
import HodeiProfile

extension HodeiProvisionCommand {
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective profile and each user's derived permissions.",
            discussion: """
            Shows what the tool will act on: the profile after `extends` (maps
            merged, lists replaced), `defaults` merged into every tenant and
            ${VAR} references expanded, durations and sizes in canonical form.
            Secrets are shown as <secret from REFERENCE>, never their value.
            Then, per tenant and user, the exact NATS permissions derived from
            the roles and the inbox prefix the user's clients must set.

            Examples:
              hodei-provision explain profiles/dev.profile
              HODEI_EVENT_BUS_TYPE=inmemory hodei-provision explain profiles/dev.profile
              hodei-provision explain profiles/prod.profile --format json
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile to explain.")
        var profile: String

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded: Profile
            let warnings: [ProfileIssue]
            do {
                (loaded, warnings) = try ProfileLoader().loadValidated(path: profile)
            } catch let error as ProfileValidationError {
                for line in reporter.textLines(error.issues, stage: StageReporter.stage(of: error)) {
                    StageReporter.printError(line)
                }
                throw StageReporter.exitCode(for: StageReporter.stage(of: error))
            }
            for line in reporter.textLines(warnings, stage: .validating) { StageReporter.printError(line) }
            switch global.format {
            case .text:
                print(ProfileExplainer.explain(loaded), terminator: "")
            case .json:
                var tenants: [String: JSONValue] = [:]
                for tenant in loaded.tenants {
                    var users: [String: JSONValue] = [:]
                    for user in tenant.users {
                        users[user.name] = PermissionDeriver.permissions(for: user, in: tenant).json
                    }
                    tenants[tenant.name] = .object(users)
                }
                print(JSONValue.object([
                    "file": .string(profile), "effective": .string(ProfileExplainer.explain(loaded)),
                    "permissions": .object(tenants),
                ]).rendered())
            }
        }
    }
}
