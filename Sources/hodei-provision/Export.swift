import ArgumentParser
import Foundation
import HodeiProvision

extension HodeiProvisionCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a profile from what a live server holds.",
            discussion: """
            With a profile: connects to each of its tenants as plan does and
            writes the same profile (servers, tls, auth, limits, users carried
            over, paths made absolute) with the streams and consumers found live.
            With a URL (nats://host:port): reads the one account that URL reaches
            and writes it as tenant --tenant of environment --environment.

            Only fields that differ from the defaults are written, in the
            profile's own keys and units (30s, 7d, 1GiB, unlimited); ownership
            markers become prevent_delete or disappear; the hodei_provision
            bookkeeping bucket is left out. Anything the profile language cannot
            express is listed on stderr. Applying the export to the same server
            prints "No changes." (for resources another tool made, after one
            `apply --adopt`).

            Exit status: 0 written, 1 error (unreachable server, unreadable
            tenant, file not writable), 64 usage error.

            Examples:
              hodei-provision export profiles/prod.profile --out prod.exported.profile
              hodei-provision export nats://127.0.0.1:4222 --environment dev --tenant dev --out dev.profile
            """)

        @Argument(help: "A profile, or a server URL (nats://host:port).")
        var source: String

        @Option(help: ArgumentHelp("Where to write the profile.", valueName: "file"))
        var out: String

        @Option(help: "Environment name for a URL export.")
        var environment = "dev"

        @Option(help: "Tenant name for a URL export.")
        var tenant = "default"

        func run() async throws {
            let isURL = source.contains("://")
            let (input, errors): (ExportInput, [String])
            if isURL {
                guard source.hasPrefix("nats://") || source.hasPrefix("tls://") else {
                    throw ValidationError("\(source): only nats:// and tls:// URLs can be exported")
                }
                (input, errors) = await LiveExport.read(urls: [source], tenant: tenant, environment: environment,
                                                        connector: StaticTenantConnector(urls: [source]))
            } else {
                let loaded = try ProfileStage.load(source, reporter: StageReporter(options: GlobalOptions()))
                let reconciler = Reconciler(profile: loaded)
                (input, errors) = await LiveExport.read(reconciler)
                await reconciler.close()
            }
            for error in errors { StageReporter.printError("export: tenant \(error)") }
            guard errors.isEmpty else {
                StageReporter.printError("export: nothing written (fix: make every tenant readable, then export again)")
                throw ExitCode(1)
            }
            let result = ProfileExporter.render(input, exportedAt: Date(), source: source)
            for note in result.notes { StageReporter.printError("note: \(note)") }
            do {
                try Data(result.text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                StageReporter.printError("export: cannot write \(out): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            let streams = input.tenants.reduce(0) { $0 + $1.streams.count { !ProfileExporter.excludedStreams.contains($0.name) } }
            print("Exported \(input.tenants.count) tenant(s), \(streams) stream(s) to \(out).")
        }
    }
}
