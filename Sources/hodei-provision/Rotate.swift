import ArgumentParser
import HodeiProvision

extension HodeiProvisionCommand {
    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new key for one tenant user (new creds or nkey seed).",
            discussion: """
            Operator mode: a new user key and .creds file; the old public key is
            revoked in the tenant's account JWT. Accounts mode: a new .nk seed; the
            old public key leaves the rendered config. Prints the old and new public
            keys and what must be reloaded; never the seed.

            Example:
              hodei-provision rotate profiles/dev.profile dev/worker
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile.")
        var profile: String

        @Argument(help: "tenant/user")
        var user: String

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            do {
                let result = try UserRotation(profile: loaded).rotate(user)
                print("rotated \(result.address)")
                print("  previous public key: \(result.previousPublicKey ?? "(none)")")
                print("  new public key:      \(result.newPublicKey)")
                print("  secret file:         \(result.file)")
                print("  next: \(result.reloadHint)")
            } catch {
                StageReporter.printError("rendering: \(error)")
                throw StageReporter.exitCode(for: .rendering)
            }
        }
    }
}
