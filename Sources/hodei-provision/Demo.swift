import ArgumentParser
import HodeiProvision

extension HodeiProvisionCommand {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Round-trip one event through a running environment with its users' generated configs.",
            discussion: """
            Picks a publisher and a consumer group of another user in the tenant
            (dev: orchestrator publishes a job.created event on
            hodei.events.job.created, worker receives it as a member of group
            job-processors, the durable consumer HODEI_EVENTS/job-processors).
            Each side builds its event bus with EventBusFactory from nothing but
            its env file from `up` (HODEI_* variables, as a service would): the
            publisher awaits the JetStream ack, the group member acknowledges
            what it receives until that event arrives. Prints what happened;
            --format json prints the same as one JSON object (format_version,
            tenant, publisher, consumer_user, subject, kind, stream, group,
            publisher_config, consumer_config, event_id, stream_sequence,
            received_subject, drained_earlier, deliveries, round_trip_ms).
            Errors go to stderr as text; exit status 1.

            Examples:
              hodei-provision demo profiles/dev.profile --tenant dev
              hodei-provision demo profiles/dev.profile --tenant dev --format json
              hodei-provision demo profiles/dev.profile --tenant dev --publisher worker --consumer auditor
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile of the running environment.")
        var profile: String

        @Option(help: "The tenant whose users take part.")
        var tenant: String

        @Option(help: "The publishing user (default: chosen from the grants).")
        var publisher: String?

        @Option(name: .customLong("consumer"), help: "The consuming user (default: chosen from the grants).")
        var consumerUser: String?

        @Option(name: .customLong("state-dir"), help: "The state directory given to `up`.")
        var stateDir: String?

        @Option(name: .customLong("timeout"), help: "Seconds to wait for the event.")
        var timeoutSeconds: Int = 20

        func run() async throws {
            let reporter = StageReporter(options: global)
            let loaded = try reporter.loadValidProfile(profile)
            let environment = LocalEnvironment(profile: loaded, stateDirectory: stateDir)
            do {
                let route = try DemoRoute.choose(in: loaded, tenant: tenant, publisher: publisher, consumerUser: consumerUser)
                let publisherFile = try ClientEnvironmentFile.load(path: environment.clientEnvFile(tenant: tenant, user: route.publisher))
                let consumerFile = try ClientEnvironmentFile.load(path: environment.clientEnvFile(tenant: tenant, user: route.consumerUser))
                let text = global.format == .text
                if text {
                    print("publish  \(route.tenant)/\(route.publisher) → \(route.subject) [\(route.kind.rawValue)] (config \(publisherFile.path))")
                    print("consume  \(route.tenant)/\(route.consumerUser) ← group \(route.consumer) of \(route.stream) (config \(consumerFile.path))")
                }
                let outcome = try await EventRoundTrip(route: route, publisher: publisherFile, consumer: consumerFile)
                    .run(timeout: .seconds(timeoutSeconds))
                let report = DemoReport(route: route, publisherConfig: publisherFile.path, consumerConfig: consumerFile.path,
                                        outcome: outcome)
                guard text else {
                    ProfileStage.write(try report.json())
                    return
                }
                print("published event \(outcome.eventID) on \(route.subject): stored as \(route.stream) sequence \(outcome.streamSequence)")
                if outcome.drainedEarlier > 0 {
                    print("received and acknowledged \(outcome.drainedEarlier) earlier event(s) first")
                }
                print("received event \(outcome.eventID) on \(outcome.subject) via group \(route.consumer) (delivery \(outcome.deliveries)), acknowledged")
                print("round trip OK in \(report.roundTripMilliseconds) ms")
            } catch {
                StageReporter.printError("demo: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
