import ArgumentParser
import Dispatch
import Foundation
import HodeiBus

extension HodeiBench {
    /// Issue 3 point 10c: InMemoryBus publish → receive throughput with 1 and 4 subscribers,
    /// against the targets and against a naive bus that yields one AsyncStream element per event.
    struct InMemory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inmemory",
            abstract: "InMemoryBus publish→receive events/s (1 and 4 subscribers) vs targets and a naive AsyncStream bus."
        )

        @Option(help: "Events published per run.")
        var events = 1_000_000

        @Option(help: "Runs per case; the median is reported.")
        var runs = 3

        @Option(help: "Subscriber counts to measure, comma-separated.")
        var subscribers = "1,4"

        @Option(help: "Events per encode/decode measurement of the JSON codec.")
        var codecEvents = 100_000

        func run() async throws {
            let sample = Self.sampleEvents()
            let input = (0..<events).map { sample[$0 % sample.count] }
            print("InMemoryBus publish→receive, \(events) events, median of \(runs) runs; subscriber capacity = events (no drops)")
            print("case                        subs   events/s total   events/s per sub   target/sub    vs target   vs naive")
            for subscribers in self.subscribers.split(separator: ",").compactMap({ Int($0) }) {
                let target = subscribers == 1 ? 2_000_000.0 : 500_000.0
                let naive = try await median { try await Self.naive(input, subscribers: subscribers) }
                let single = try await median { try await Self.bus(input, subscribers: subscribers, batch: nil) }
                let batched = try await median { try await Self.bus(input, subscribers: subscribers, batch: 1000) }
                for (name, rate) in [("naive AsyncStream/event", naive), ("InMemoryBus publish(_:)", single),
                                     ("InMemoryBus publish(batch:1000)", batched)] {
                    let perSub = rate / Double(subscribers)
                    print(pad(name, 28) + pad("\(subscribers)", 7) + pad(fmt(rate), 17) + pad(fmt(perSub), 19)
                          + pad(fmt(target), 14) + pad(String(format: "%.2f×", perSub / target), 12)
                          + String(format: "%.2f×", rate / naive))
                }
            }
            let sampleInput = Array(input.prefix(codecEvents))
            let codec = try Self.codecRates(sampleInput)
            let foundation = try Self.foundationRates(sampleInput)
            print("\nJSON codec, \(codecEvents) events (mean \(codec.bytes) bytes/event)")
            print("coder                         encode/s     decode/s")
            print(pad("SystemEventCodec", 30) + pad(fmt(codec.encode), 13) + fmt(codec.decode))
            print(pad("Foundation JSONEncoder/Decoder", 30) + pad(fmt(foundation.encode), 13) + fmt(foundation.decode))
            print(pad("ratio", 30) + pad(String(format: "%.2f×", codec.encode / foundation.encode), 13)
                  + String(format: "%.2f×", codec.decode / foundation.decode))
        }

        private func median(_ body: () async throws -> Double) async throws -> Double {
            var rates: [Double] = []
            for _ in 0..<max(1, runs) { rates.append(try await body()) }
            rates.sort()
            return rates.count % 2 == 1 ? rates[rates.count / 2] : (rates[rates.count / 2 - 1] + rates[rates.count / 2]) / 2
        }

        /// Delivered events per second, summed over subscribers, from first publish to last receive.
        static func bus(_ input: [SystemEvent], subscribers: Int, batch: Int?) async throws -> Double {
            let bus = InMemoryBus(capacity: input.count)
            var subscriptions: [EventSubscription] = []
            for _ in 0..<subscribers { subscriptions.append(try await bus.subscribe()) }
            let expected = input.count
            let start = DispatchTime.now().uptimeNanoseconds
            let received = try await withThrowingTaskGroup(of: Int.self) { group in
                for subscription in subscriptions {
                    group.addTask {
                        var count = 0
                        for await _ in subscription {
                            count += 1
                            if count == expected { break }
                        }
                        return count
                    }
                }
                if let batch {
                    var index = 0
                    while index < input.count {
                        let end = min(index + batch, input.count)
                        _ = await bus.publish(batch: Array(input[index..<end]))
                        index = end
                    }
                } else {
                    for event in input { try await bus.publish(event) }
                }
                return try await group.reduce(0, +)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let missed = subscriptions.reduce(UInt64(0)) { $0 + $1.missedCount }
            guard missed == 0, received == expected * subscribers else {
                throw ValidationError("lost events: received \(received) of \(expected * subscribers), missed \(missed)")
            }
            await bus.close()
            return Double(received) / seconds
        }

        /// The peer: what a straightforward bus does, one AsyncStream (unbounded) per subscriber,
        /// one `yield` and one element per event.
        static func naive(_ input: [SystemEvent], subscribers: Int) async throws -> Double {
            let streams = (0..<subscribers).map { _ in AsyncStream<SystemEvent>.makeStream() }
            let expected = input.count
            let start = DispatchTime.now().uptimeNanoseconds
            let received = await withTaskGroup(of: Int.self) { group in
                for (stream, _) in streams {
                    group.addTask {
                        var count = 0
                        for await _ in stream {
                            count += 1
                            if count == expected { break }
                        }
                        return count
                    }
                }
                for event in input {
                    for (_, continuation) in streams { continuation.yield(event) }
                }
                for (_, continuation) in streams { continuation.finish() }
                return await group.reduce(0, +)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard received == expected * subscribers else {
                throw ValidationError("naive bus lost events: \(received) of \(expected * subscribers)")
            }
            return Double(received) / seconds
        }

        static func codecRates(_ input: [SystemEvent]) throws -> (encode: Double, decode: Double, bytes: Int) {
            let codec = SystemEventCodec()
            var encoded: [Data] = []
            encoded.reserveCapacity(input.count)
            let t0 = DispatchTime.now().uptimeNanoseconds
            for event in input { encoded.append(try codec.encode(event)) }
            let t1 = DispatchTime.now().uptimeNanoseconds
            var check = 0
            for data in encoded { check &+= try codec.decode(data).tenant.utf8.count }
            let t2 = DispatchTime.now().uptimeNanoseconds
            precondition(check > 0)
            let bytes = encoded.reduce(0) { $0 + $1.count } / max(1, encoded.count)
            return (Double(input.count) / (Double(t1 - t0) / 1e9), Double(input.count) / (Double(t2 - t1) / 1e9), bytes)
        }

        /// The peer for the codec: Foundation's coders over `SystemEvent`'s Codable conformance (same bytes).
        static func foundationRates(_ input: [SystemEvent]) throws -> (encode: Double, decode: Double) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let decoder = JSONDecoder()
            var encoded: [Data] = []
            encoded.reserveCapacity(input.count)
            let t0 = DispatchTime.now().uptimeNanoseconds
            for event in input { encoded.append(try encoder.encode(event)) }
            let t1 = DispatchTime.now().uptimeNanoseconds
            var check = 0
            for data in encoded { check &+= try decoder.decode(SystemEvent.self, from: data).tenant.utf8.count }
            let t2 = DispatchTime.now().uptimeNanoseconds
            precondition(check > 0)
            return (Double(input.count) / (Double(t1 - t0) / 1e9), Double(input.count) / (Double(t2 - t1) / 1e9))
        }

        /// A realistic mix of the twelve kinds.
        static func sampleEvents() -> [SystemEvent] {
            (0..<1000).map { i in
                let job = "job-\(i)"
                let payload: SystemEvent.Payload = switch i % 6 {
                case 0: .jobScheduled(JobScheduled(jobId: job, pipelineId: "pl-1", workerId: "worker-\(i % 8)"))
                case 1: .jobStarted(JobStarted(jobId: job, pipelineId: "pl-1", workerId: "worker-\(i % 8)"))
                case 2: .logChunkReceived(LogChunkReceived(jobId: job, stream: .stdout, sequence: UInt64(i),
                                                           data: Data("compiling module HodeiBus \(i)\n".utf8)))
                case 3: .workerHeartbeat(WorkerHeartbeat(workerId: "worker-\(i % 8)", runningJobs: 2, load: 0.42))
                case 4: .jobCompleted(JobCompleted(jobId: job, pipelineId: "pl-1", workerId: "worker-\(i % 8)", durationMs: 1234))
                default: .jobCreated(JobCreated(jobId: job, pipelineId: "pl-1", name: "build", command: ["swift", "build"]))
                }
                return SystemEvent(tenant: "acme", payload)
            }
        }
    }
}

private func fmt(_ value: Double) -> String {
    if value >= 1_000_000 { return String(format: "%.2fM", value / 1_000_000) }
    if value >= 1_000 { return String(format: "%.1fk", value / 1_000) }
    return String(format: "%.0f", value)
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
