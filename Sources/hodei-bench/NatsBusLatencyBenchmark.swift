import ArgumentParser
import Dispatch
import Foundation
import HodeiBus
import Histogram
import NATSClient
import NATSServerControl
import Synchronization

extension HodeiBench {
    /// Publish → group-consumer delivery latency at a fixed rate, per fetch setting, with
    /// HdrHistogram percentiles. The peer is the target (2 ms p99) and the default setting.
    struct NatsBusLatency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "natsbus-latency",
            abstract: "NatsBus publish → group delivery latency (p50/p99/p99.9) at a fixed rate, per fetch setting.")

        @Option(help: "Events per second.") var rate = 1_000
        @Option(help: "Measured seconds per setting (after 1 s of warm-up).") var seconds = 10
        @Option(help: "Fetch settings to compare, batch:expiry-ms, comma-separated.")
        var settings = "256:1000,1:1000,256:100,16:5000"
        @Option(help: "nats-server binary (default: NATS_SERVER_BIN, else PATH).") var serverBin: String?

        struct Setting { let batch: Int; let expiryMs: Int }

        func run() async throws {
            let parsed = try settings.split(separator: ",").map { item -> Setting in
                let parts = item.split(separator: ":")
                guard parts.count == 2, let batch = Int(parts[0]), let expiry = Int(parts[1]), batch > 0, expiry > 0 else {
                    throw ValidationError("--settings: '\(item)' is not batch:expiry-ms")
                }
                return Setting(batch: batch, expiryMs: expiry)
            }
            let binary = try NATSServerBinary.resolve(explicitPath: serverBin)
            let serverVersion = try await binary.version()
            var rows: [(Setting, Histogram<UInt64>, Histogram<UInt64>)] = []
            try await withNATSServer(NATSServerConfiguration(binary: binary, serverName: "bench")) { server in
                for (index, setting) in parsed.enumerated() {
                    let (histogram, acks) = try await measure(server: server, setting: setting, group: "latency-\(index)")
                    print("batch \(setting.batch), expiry \(setting.expiryMs) ms: p50 \(Self.ms(histogram, 50)) ms, p99 \(Self.ms(histogram, 99)) ms (\(histogram.totalCount) events); publish ack p50 \(Self.ms(acks, 50)) ms, p99 \(Self.ms(acks, 99)) ms")
                    rows.append((setting, histogram, acks))
                }
            }
            print("")
            print("natsbus-latency: publish → group delivery, \(rate) events/s for \(seconds) s each, file storage, nats-server \(serverVersion), load \(Self.loadAverage())")
            print("| fetch batch | fetch expiry | p50 ms | p99 ms | p99.9 ms | max ms | p99 ÷ 2 ms target | publish ack p50 / p99 ms |")
            print("|---:|---:|---:|---:|---:|---:|---:|---:|")
            for (setting, h, acks) in rows {
                let p99 = Double(h.valueAtPercentile(99)) / 1e6
                print("| \(setting.batch) | \(setting.expiryMs) ms | \(Self.ms(h, 50)) | \(Self.ms(h, 99)) | \(Self.ms(h, 99.9)) | \(String(format: "%.3f", Double(h.max) / 1e6)) | \(String(format: "%.2f", p99 / 2)) | \(Self.ms(acks, 50)) / \(Self.ms(acks, 99)) |")
            }
            if let (setting, h, _) = rows.first {
                print("RESULT bench=natsbus-latency batch=\(setting.batch) expiry_ms=\(setting.expiryMs) p50_ms=\(Self.ms(h, 50)) p99_ms=\(Self.ms(h, 99)) p999_ms=\(Self.ms(h, 99.9)) target_p99_ms=2")
            }
        }

        /// Delivery latencies and, for comparison, the publisher's own ack round trips (publish call → ack).
        private func measure(server: NATSServer, setting: Setting, group: String) async throws
            -> (Histogram<UInt64>, Histogram<UInt64>)
        {
            let settings = NatsSettings(servers: [server.url], timeout: .seconds(10))
            let options = NatsBusOptions(ackWait: .seconds(30), maxAckPending: 10_000, fetchBatch: setting.batch,
                                         fetchExpiry: .milliseconds(setting.expiryMs),
                                         streamCreation: .createIfMissing(storage: .file))
            let publisher = try await NatsBus.connect(settings, options: options)
            // Each setting starts on an empty stream (its new group would replay the last one's events).
            _ = try await publisher.connection.jetStream().apiRequest("STREAM.PURGE.\(settings.stream)")
            let consumer = try await NatsBus.connect(settings, options: options)
            let subscription = try await consumer.subscribe(filter: "hodei.events.job.started", group: group)
            let warmup = rate
            let total = rate * seconds + warmup
            let sent = SendTimes(count: total)
            let receiver = Task { () -> Histogram<UInt64> in
                var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
                var received = 0
                for await delivery in subscription {
                    let now = DispatchTime.now().uptimeNanoseconds
                    try? await delivery.ack()
                    guard case .jobStarted(let job) = delivery.event.payload else { continue }
                    if job.attempt >= warmup { histogram.record(now &- sent.time(job.attempt)) }
                    received += 1
                    if received == total { break }
                }
                return histogram
            }
            // Paced by absolute deadlines so a slow publish does not shift the schedule.
            let clock = ContinuousClock()
            var acks = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
            let start = clock.now
            let interval = Duration.nanoseconds(1_000_000_000 / rate)
            for index in 0..<total {
                try await clock.sleep(until: start + interval * index)
                let sendTime = DispatchTime.now().uptimeNanoseconds
                sent.set(index, sendTime)
                try await publisher.publish(SystemEvent(tenant: "acme", .jobStarted(JobStarted(
                    jobId: "job-\(index)", workerId: "w", attempt: index))))
                if index >= warmup { acks.record(DispatchTime.now().uptimeNanoseconds &- sendTime) }
            }
            let histogram = try await withThrowingTaskGroup(of: Histogram<UInt64>?.self) { tasks in
                tasks.addTask { await receiver.value }
                tasks.addTask { try await Task.sleep(for: .seconds(30)); return nil }
                defer { tasks.cancelAll() }
                guard let first = try await tasks.next(), let result = first else {
                    throw ValidationError("not every event was delivered within 30 s")
                }
                return result
            }
            await publisher.close()
            await consumer.close()
            return (histogram, acks)
        }

        static func ms(_ h: Histogram<UInt64>, _ percentile: Double) -> String {
            String(format: "%.3f", Double(h.valueAtPercentile(percentile)) / 1e6)
        }

        static func loadAverage() -> String {
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        }
    }
}

/// Send times by event index, written by the publisher and read by the receiver.
private final class SendTimes: Sendable {
    private let times: Mutex<[UInt64]>
    init(count: Int) { times = Mutex([UInt64](repeating: 0, count: count)) }
    func set(_ index: Int, _ value: UInt64) { times.withLock { $0[index] = value } }
    func time(_ index: Int) -> UInt64 { times.withLock { $0[index] } }
}
