import ArgumentParser
import Foundation
import HodeiBus
import Logging
import NATSServerControl
import Prometheus

/// Worker agents over a real NATS server (issue 3, point 8): a producer schedules pipelines' jobs,
/// two workers in one group share them (load balancing), and a killed worker's unacked job is
/// redelivered to the other (at-least-once).
@main
struct WorkerDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hodei-worker-demo",
        abstract: "Two worker agents sharing jobs through a NatsBus consumer group.",
        discussion: """
            Connection settings come from the HODEI_* environment (docs/configuration.md); --url \
            overrides the servers. Without --start-server the stream must exist (hodei-provision apply).
            Example: hodei-worker-demo --start-server --pipelines 3 --jobs-per-pipeline 4 --kill-worker-after 2
            """)

    @Option(help: "NATS server URL(s), comma-separated (default: HODEI_NATS_URL).") var url: String?
    @Flag(help: "Start a private nats-server (temporary store) and create the stream.") var startServer = false
    @Option(help: "Pipelines the producer creates.") var pipelines = 3
    @Option(help: "Jobs per pipeline.") var jobsPerPipeline = 4
    @Option(help: "worker-a crashes (no ack) while holding its next job after completing this many.")
    var killWorkerAfter: Int?
    @Option(help: "Ack wait of the group, seconds: how soon a dead worker's job is redelivered.") var ackWait = 3
    @Option(help: "Write the bus metrics (Prometheus text format) to this file, periodically.") var metricsFile: String?
    @Option(help: "Seconds between metrics file writes.") var metricsInterval = 2
    @Option(help: "Give up after this many seconds.") var timeout = 120
    @Option(help: "Tenant written into the events.") var tenant = "demo"

    func validate() throws {
        guard pipelines > 0, jobsPerPipeline > 0 else { throw ValidationError("--pipelines and --jobs-per-pipeline must be positive") }
        guard ackWait > 0, timeout > 0, metricsInterval > 0 else { throw ValidationError("durations must be positive") }
        if let killWorkerAfter, killWorkerAfter < 0 { throw ValidationError("--kill-worker-after must be 0 or more") }
    }

    func run() async throws {
        var config = try EventBusConfig.fromEnvironment()
        if let url { config.nats.servers = url.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) } }
        if startServer {
            try await withNATSServer(NATSServerConfiguration(serverName: "hodei-demo")) { server in
                config.nats.servers = [server.url]
                print("started nats-server on \(server.url) (store \(server.storeDirectory.path))")
                try await runDemo(config, createStream: true)
            }
        } else {
            try await runDemo(config, createStream: false)
        }
    }

    private func runDemo(_ config: EventBusConfig, createStream: Bool) async throws {
        let registry = PrometheusCollectorRegistry()
        let metrics = PrometheusMetricsFactory(registry: registry)
        var logger = Logger(label: "hodei.demo")
        logger.logLevel = .warning
        let options = NatsBusOptions(
            ackWait: .seconds(ackWait), maxDeliver: 5,
            fetchBatch: 1,  // a worker holds one job at a time: the fetch batch is its in-flight limit
            fetchExpiry: .milliseconds(500),
            streamCreation: createStream ? .createIfMissing(storage: .file) : .requireExisting)
        func connect(_ name: String) async throws -> NatsBus {
            var named = options
            named.connectionName = name
            return try await NatsBus.connect(config.nats, subjectPrefix: config.subjectPrefix, options: named,
                                             metricsFactory: metrics, logger: logger)
        }
        let producerBus = try await connect("demo-producer")
        print("stream \(config.nats.stream), subjects \(config.subjectPrefix).>, group \(DemoWorker.group), ack wait \(ackWait)s")

        let tally = DemoTally()
        let output = DemoOutput()
        let exporter = metricsFile.map { PrometheusFileExporter(registry: registry, path: $0, interval: .seconds(metricsInterval)) }
        let exporterTask = exporter.map { exporter in Task { await exporter.run() } }

        let workerNames = ["worker-a", "worker-b"]
        var workers: [DemoWorker] = []
        for name in workerNames {
            workers.append(DemoWorker(name: name, bus: try await connect(name), tenant: tenant,
                                      crashAfter: name == "worker-a" ? killWorkerAfter : nil, tally: tally, output: output))
        }
        let producer = DemoProducer(bus: producerBus, tenant: tenant, pipelines: pipelines,
                                    jobsPerPipeline: jobsPerPipeline, tally: tally, output: output)
        let tracker = try await producerBus.subscribe(filter: try SubjectFilter("\(config.subjectPrefix).>"))

        enum Ending: Sendable { case allCompleted, timedOut, loopEnded }
        let finished = try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask { await producer.trackCompletions(tracker); return .loopEnded }
            for worker in workers {
                group.addTask {
                    do { try await worker.run() } catch { output.line(worker.name, "stopped: \(error)") }
                    return .loopEnded
                }
            }
            try await producer.run()
            group.addTask { await tally.waitUntilAllCompleted(); return .allCompleted }
            group.addTask { try await Task.sleep(for: .seconds(timeout)); return .timedOut }
            // A crashed worker's loop ends early: only "all completed" or the timeout decide.
            var ending = Ending.loopEnded
            while ending == .loopEnded, let next = try await group.next() { ending = next }
            for worker in workers { await worker.bus.close() }
            await producerBus.close()
            group.cancelAll()
            return ending == .allCompleted
        }
        exporterTask?.cancel()
        try exporter?.write()
        print(await tally.summary(workers: workerNames))
        if let metricsFile { print("  metrics             \(metricsFile) (Prometheus text format)") }
        if !finished { throw ValidationError("not every job completed within \(timeout)s") }
    }
}
