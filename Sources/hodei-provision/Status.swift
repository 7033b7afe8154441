import ArgumentParser
import HodeiProfile
import HodeiProvision

extension HodeiProvisionCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Health of a live environment: stream fill, consumer backlog, account usage, replicas.",
            discussion: """
            Connects as each tenant's admin identity (as plan/apply do) and shows,
            per tenant: account usage against its JetStream limits (memory, storage,
            streams, consumers), each stream's messages/bytes against max_msgs/
            max_bytes and its replica health (leader, replicas current/lagging/
            offline), and each consumer's pending, ack pending and redelivered
            counts. Nothing is changed on the servers.

            Thresholds turn it into a monitoring check (like `nats server check`):
              --max-pending N         a consumer with more than N undelivered messages
              --max-ack-pending N     a consumer with more than N awaiting an ack
              --max-redelivered N     a consumer with more than N redelivered
              --max-usage P%          any limit (account or stream) more than P% used
              an unhealthy replica set (no leader, replica offline or not current)
                                      always counts, unless --ignore-replicas

            Exit status:
              0  everything read, no threshold exceeded
              1  error: invalid profile, or a tenant could not be read
              2  a threshold is exceeded (findings are listed)
              64 usage error

            Examples:
              hodei-provision status profiles/prod.profile
              hodei-provision status profiles/prod.profile --max-pending 10000 --max-usage 80%
              hodei-provision status profiles/prod.profile --target acme --format json
            """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("max-pending"), help: "Most undelivered messages a consumer may have.")
        var maxPending: UInt64?

        @Option(name: .customLong("max-ack-pending"), help: "Most messages a consumer may have awaiting an ack.")
        var maxAckPending: Int?

        @Option(name: .customLong("max-redelivered"), help: "Most redelivered messages a consumer may have.")
        var maxRedelivered: Int?

        @Option(name: .customLong("max-usage"), help: "Highest share of any limit in use, e.g. 80%.")
        var maxUsage: String?

        @Flag(name: .customLong("ignore-replicas"), help: "Do not count unhealthy replica sets as exceeded.")
        var ignoreReplicas = false

        @Option(name: .customLong("target"), help: "Only this tenant (repeatable).")
        var targets: [String] = []

        @Argument(help: "The profile of the environment.")
        var profile: String

        func validate() throws {
            if let maxUsage, StatusThresholds.parsePercent(maxUsage) == nil {
                throw ValidationError("--max-usage \(maxUsage): expected a percentage from 0 to 100, e.g. 80%")
            }
            for target in targets where target.contains("/") {
                throw ValidationError("--target \(target): status targets tenants (name a tenant, not a stream)")
            }
        }

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try ProfileStage.load(profile, reporter: reporter)
            let unknown = targets.filter { loaded.tenant(named: $0) == nil }
            if !unknown.isEmpty {
                StageReporter.printError("status: --target \(unknown.joined(separator: ", ")): no such tenant in \(profile) "
                    + "(tenants: \(loaded.tenants.map(\.name).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            let thresholds = StatusThresholds(
                maxPending: maxPending, maxAckPending: maxAckPending, maxRedelivered: maxRedelivered,
                maxUsagePercent: maxUsage.flatMap(StatusThresholds.parsePercent), checkReplicas: !ignoreReplicas)
            let report = await StatusCheck(profile: loaded).run(thresholds: thresholds, targets: targets)
            switch global.format {
            case .text: print(StatusRenderer(color: global.useColor).render(report))
            case .json: print(report.json())
            }
            if report.outcome != .ok { throw ExitCode(report.outcome.rawValue) }
        }
    }
}
