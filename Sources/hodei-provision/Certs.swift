import ArgumentParser
import Foundation
import HodeiProvision

extension HodeiProvisionCommand {
    struct Certs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or renew the CA, server and client TLS certificates of a profile.",
            discussion: """
            Writes where the profile's tls section points (ca, cert, key), or under
            certs/<environment>/; CA key beside the CA as ca-key.pem. Server SANs come
            from servers.urls, cluster.nodes and tls.server_names (plus localhost and
            127.0.0.1 for dev and loopback URLs). With tls.verify_clients, one client
            certificate per tenant user under clients/<tenant>/. Keys are 0600 in 0700
            directories. Valid certificates are kept; those expiring within
            --renew-within are re-issued. The CA is never replaced automatically.

            Examples:
              hodei-provision certs profiles/prod.profile
              hodei-provision certs profiles/prod.profile --renew-within 60d
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile.")
        var profile: String

        @Option(name: .customLong("renew-within"), help: "Re-issue certificates expiring within this time (e.g. 30d, 12h).")
        var renewWithin = "30d"

        func validate() throws {
            if Self.seconds(renewWithin) == nil {
                throw ValidationError("--renew-within must be a duration like 30d, 12h or 90m, not '\(renewWithin)'")
            }
        }

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            do {
                let events = try CertificateProvisioner(profile: loaded, renewWithin: Self.seconds(renewWithin) ?? 0).run()
                for event in events { print(event) }
            } catch {
                StageReporter.printError("rendering: \(error)")
                throw StageReporter.exitCode(for: .rendering)
            }
        }

        /// `30d`, `12h`, `90m`, `45s` → seconds.
        static func seconds(_ text: String) -> TimeInterval? {
            let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
            guard let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()), value >= 0 else { return nil }
            return value * factor
        }
    }
}
