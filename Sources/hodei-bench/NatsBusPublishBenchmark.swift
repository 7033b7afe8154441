import ArgumentParser
import Foundation
import HodeiBus
import HodeiPlan
import NATSClient
import NATSServerControl

extension HodeiBench {
    /// NatsBus batch publish of SystemEvents to a file-storage stream (encoding included) against
    /// the C program over raw libnats and nats-py publishing the very same encoded bytes (subject,
    /// Nats-Msg-Id, payload), same server, alternating, in one run. On nats-server ≥ 2.14 each run
    /// also measures the server's ceiling: the same bytes as one fast-ingest batch from C (acks
    /// every few hundred messages instead of per message), the most any client gets here.
    struct NatsBusPublish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "natsbus-publish",
            abstract: "NatsBus publish(batch:) vs libnats (C) vs nats-py publish_async: events/s and ratios.")

        @Option(help: "Events per run.") var count = 100_000
        @Option(help: "Most unacknowledged publishes in flight (all three implementations).") var window = 4096
        @OptionGroup var peer: CPeerOptions
        @Option(help: "The nats-py peer script.") var pyScript = "scripts/bench/natspy_publish.py"
        @Flag(help: "Skip the nats-py peer.") var skipPython = false

        func run() async throws {
            let (binary, cProgram) = try peer.resolve()
            let events = Self.events(count)
            let subjects = try EventSubjects()
            let payloadFile = try Self.writePayloads(events, subjects: subjects)
            defer { try? FileManager.default.removeItem(atPath: payloadFile) }
            let averageSize = events.reduce(0) { $0 + SystemEventCodec().encodeBytes($1).count } / count
            let serverVersion = try await binary.version()
            // Fast ingest (stream option allow_batched) came with nats-server 2.14.
            let ceiling = ServerVersion(serverVersion).map { $0 >= ServerVersion(2, 14) } ?? false

            try await withNATSServer(NATSServerConfiguration(binary: binary, serverName: "bench")) { server in
                let admin = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url], name: "admin"))
                let js = try admin.jetStream()
                try await Self.recreateStream(js, allowBatched: ceiling)
                let bus = try await NatsBus.connect(NatsSettings(servers: [server.url], timeout: .seconds(30)),
                                                    options: NatsBusOptions(publishWindow: window, connectionName: "natsbus"))
                var rates: [String: [Double]] = [:]
                var cpu: [String: [Double]] = [:]  // client CPU µs per event
                func perEvent(_ seconds: Double) -> Double { seconds * 1_000_000 / Double(count) }
                // One peer run on a fresh stream: its rate, and its whole-process CPU per event.
                func measurePeer(_ key: String, _ program: String, _ arguments: [String]) async throws {
                    try await Self.recreateStream(js, allowBatched: ceiling)
                    let childrenBefore = CPUTime.ofFinishedChildren()
                    rates[key, default: []].append(try await Self.runPeer(program, arguments))
                    cpu[key, default: []].append(perEvent(CPUTime.ofFinishedChildren() - childrenBefore))
                }
                for runIndex in 1...peer.runs {
                    try await Self.recreateStream(js, allowBatched: ceiling)
                    let start = ContinuousClock.now
                    let cpuBefore = CPUTime.ofThisProcess()
                    let outcomes = await bus.publish(batch: events)
                    let elapsed = (ContinuousClock.now - start).seconds
                    cpu["swift", default: []].append(perEvent(CPUTime.ofThisProcess() - cpuBefore))
                    let stored = outcomes.count { $0.receipt.map { !$0.duplicate } ?? false }
                    guard stored == count else {
                        throw ValidationError("NatsBus run \(runIndex): \(count - stored) events not stored: \(outcomes.first { $0.error != nil }?.error.map { "\($0)" } ?? "duplicates")")
                    }
                    rates["swift", default: []].append(Double(count) / elapsed)

                    try await measurePeer("c", cProgram, ["--payloads", payloadFile, server.url, String(window)])
                    if ceiling {
                        try await measurePeer("ceiling", cProgram, ["--fast-ingest", payloadFile, server.url, String(window)])
                    }
                    if !skipPython {
                        try await measurePeer("py", "/usr/bin/env", ["python3", pyScript, payloadFile, server.url, String(window)])
                    }
                    print("run \(runIndex): " + ["swift", "c", "ceiling", "py"].compactMap { key in rates[key]?.last.map { "\(key) \(Int($0)) ev/s" } }.joined(separator: ", "))
                }
                await bus.close()
                await admin.close()

                let swift = JSPub.median(rates["swift"]!)
                let c = JSPub.median(rates["c"]!)
                let py = rates["py"].map(JSPub.median)
                let top = rates["ceiling"].map(JSPub.median)
                print("")
                print("natsbus-publish: \(count) SystemEvents (avg \(averageSize) B JSON), file storage, window \(window), nats-server \(serverVersion), libnats \(NATSConnection.libnatsVersion), median of \(peer.runs)")
                print("| implementation | events/s | NatsBus ÷ peer |")
                print("|---|---:|---:|")
                print("| NatsBus.publish(batch:) (Swift, encodes) | \(Int(swift)) | 1.00 |")
                print("| libnats (C, nats-c-bench --payloads) | \(Int(c)) | \(String(format: "%.2f", swift / c)) |")
                if let py { print("| nats-py publish_async | \(Int(py)) | \(String(format: "%.2f", swift / py)) |") }
                if let top {
                    print("| server ceiling: C, one fast-ingest batch (no per-message ack) | \(Int(top)) | \(String(format: "%.2f", swift / top)) |")
                }
                // Runs alternate NatsBus, C, nats-py within seconds of each other; the ratio within
                // one run cancels the machine's slow swings (neighbours' load) that medians of each
                // side taken apart do not.
                let pairedC = JSPub.median(zip(rates["swift"]!, rates["c"]!).map { $0 / $1 })
                let pairedPy = rates["py"].map { JSPub.median(zip(rates["swift"]!, $0).map { $0 / $1 }) }
                // Whole-process CPU: the peers' figures include their start-up and connect (for
                // Python, the interpreter's start), NatsBus's only the batch.
                print("client CPU per event, median (µs): " + ["swift", "c", "ceiling", "py"].compactMap { key in
                    cpu[key].map { "\(key) \(String(format: "%.2f", JSPub.median($0)))" }
                }.joined(separator: ", "))
                print("paired (median of per-run ratios): NatsBus ÷ C \(String(format: "%.2f", pairedC))"
                      + (pairedPy.map { ", NatsBus ÷ nats-py \(String(format: "%.2f", $0))" } ?? ""))
                // What no client can beat against this server in this run: if the ceiling itself is
                // below 4 × nats-py, so is every per-message-ack client.
                let ceilingPy = zip(rates["ceiling"] ?? [], rates["py"] ?? []).map { $0 / $1 }
                if !ceilingPy.isEmpty, let top {
                    print("server ceiling ÷ nats-py \(String(format: "%.2f", JSPub.median(ceilingPy))) (paired), ceiling ÷ C \(String(format: "%.2f", top / c))")
                }
                print("RESULT bench=natsbus-publish swift_per_sec=\(Int(swift)) c_per_sec=\(Int(c)) ratio_c=\(String(format: "%.3f", swift / c)) target_c=0.85"
                      + " paired_c=\(String(format: "%.3f", pairedC))"
                      + (py.map { " py_per_sec=\(Int($0)) ratio_py=\(String(format: "%.2f", swift / $0)) target_py=4" } ?? "")
                      + (pairedPy.map { " paired_py=\(String(format: "%.2f", $0))" } ?? "")
                      + (top.map { " ceiling_per_sec=\(Int($0))" } ?? "")
                      + (ceilingPy.isEmpty ? "" : " ceiling_py=\(String(format: "%.2f", JSPub.median(ceilingPy)))"))
            }
        }

        /// A realistic mix: per job, created/scheduled/started/log/heartbeat/completed.
        static func events(_ count: Int) -> [SystemEvent] {
            (0..<count).map { n in
                let job = "job-\(n / 6)"
                let payload: SystemEvent.Payload = switch n % 6 {
                case 0: .jobCreated(JobCreated(jobId: job, pipelineId: "pl-7", name: "test", command: ["make", "test"],
                                               requiredCapabilities: ["linux"]))
                case 1: .jobScheduled(JobScheduled(jobId: job, pipelineId: "pl-7", workerId: "worker-a"))
                case 2: .jobStarted(JobStarted(jobId: job, pipelineId: "pl-7", workerId: "worker-a"))
                case 3: .logChunkReceived(LogChunkReceived(jobId: job, workerId: "worker-a", stream: .stdout,
                                                           sequence: UInt64(n), data: Data(repeating: 65, count: 96)))
                case 4: .workerHeartbeat(WorkerHeartbeat(workerId: "worker-a", runningJobs: 1, load: 0.42))
                default: .jobCompleted(JobCompleted(jobId: job, pipelineId: "pl-7", workerId: "worker-a", durationMs: 4010))
                }
                return SystemEvent(tenant: "acme", payload)
            }
        }

        /// The file `nats-c-bench --payloads` and the nats-py script read: exactly what NatsBus sends.
        static func writePayloads(_ events: [SystemEvent], subjects: EventSubjects) throws -> String {
            var bytes: [UInt8] = []
            let codec = SystemEventCodec()
            func u16(_ v: Int) { bytes += [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
            for event in events {
                let subject = Array(subjects.subject(for: event.kind).utf8)
                let id = Array(event.id.uuidString.lowercased().utf8)
                let payload = codec.encodeBytes(event)
                u16(subject.count); bytes += subject
                u16(id.count); bytes += id
                let n = payload.count
                bytes += [UInt8(n & 0xff), UInt8(n >> 8 & 0xff), UInt8(n >> 16 & 0xff), UInt8(n >> 24 & 0xff)]
                bytes += payload
            }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("natsbus-payloads-\(UUID().uuidString).bin").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        static func recreateStream(_ js: JetStreamContext, allowBatched: Bool) async throws {
            _ = try? await js.apiRequest("STREAM.DELETE.HODEI_EVENTS")
            // allow_batched only admits fast-ingest batches; per-message publishes are unaffected.
            let body = #"{"name":"HODEI_EVENTS","subjects":["hodei.events.>"],"storage":"file","retention":"limits""#
                + (allowBatched ? #","allow_batched":true}"# : "}")
            _ = try await js.apiRequest("STREAM.CREATE.HODEI_EVENTS", body: Array(body.utf8))
        }

        /// Runs a peer and returns its `msgs_per_sec=` figure.
        static func runPeer(_ program: String, _ arguments: [String]) async throws -> Double {
            let (status, text) = try await PeerProcess.run(program, arguments)
            guard status == 0, let rate = PeerProcess.messagesPerSecond(in: text) else {
                throw ValidationError("\(program) \(arguments.first ?? "") failed (status \(status)): \(text)")
            }
            return rate
        }
    }
}
