import ArgumentParser
import Foundation
import NATSClient
import NATSServerControl

extension HodeiBench {
    /// JetStream async publish to a file-storage stream: the Swift wrapper against the C program
    /// over raw libnats (`nats-c-bench`), same server, same workload, alternating, in one run.
    struct JSPub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jspub",
            abstract: "JetStream async publish: NATSClient (Swift) vs libnats (C), msgs/s and ratio.")

        @Option(help: "Messages per run.") var count = 200_000
        @Option(help: "Payload bytes per message.") var size = 256
        @Option(help: "Most unacknowledged publishes in flight.") var window = 4096
        @OptionGroup var peer: CPeerOptions

        func run() async throws {
            let (binary, cProgram) = try peer.resolve()
            let serverVersion = try await binary.version()
            try await withNATSServer(NATSServerConfiguration(binary: binary, serverName: "bench")) { server in
                let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url], name: "jspub"))
                let js = try connection.jetStream(maxInFlight: window)
                let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                let messages = [JetStreamOutgoingMessage](
                    repeating: JetStreamOutgoingMessage(subject: "bench.js", data: payload), count: count)
                var swiftRates: [Double] = []
                var cRates: [Double] = []
                for runIndex in 1...peer.runs {
                    try await Self.recreateStream(js)
                    let start = ContinuousClock.now
                    let result = try await js.publishBatch(messages, ackTimeout: .seconds(120))
                    let elapsed = (ContinuousClock.now - start).seconds
                    guard result.storedCount == count else {
                        throw ValidationError("swift run \(runIndex): \(result.failedCount) publishes failed: \(result.failures.first.map { "\($0.error)" } ?? "")")
                    }
                    swiftRates.append(Double(count) / elapsed)

                    try await Self.recreateStream(js)
                    cRates.append(try await Self.runC(cProgram, url: server.url, count: count, size: size, window: window))
                    print("run \(runIndex): swift \(Int(swiftRates.last!)) msgs/s, c \(Int(cRates.last!)) msgs/s")
                }
                await connection.close()
                let swiftMedian = Self.median(swiftRates)
                let cMedian = Self.median(cRates)
                print("")
                print("jspub: \(count) msgs × \(size) B, file storage, window \(window), nats-server \(serverVersion), libnats \(NATSConnection.libnatsVersion), median of \(peer.runs)")
                print("| implementation | msgs/s | ratio vs C |")
                print("|---|---:|---:|")
                print("| NATSClient (Swift) | \(Int(swiftMedian)) | \(String(format: "%.2f", swiftMedian / cMedian)) |")
                print("| libnats (C, nats-c-bench) | \(Int(cMedian)) | 1.00 |")
                print("RESULT bench=jspub swift_msgs_per_sec=\(Int(swiftMedian)) c_msgs_per_sec=\(Int(cMedian)) ratio=\(String(format: "%.3f", swiftMedian / cMedian)) target=0.9")
            }
        }

        static func recreateStream(_ js: JetStreamContext) async throws {
            _ = try? await js.apiRequest("STREAM.DELETE.BENCH")
            let body = #"{"name":"BENCH","subjects":["bench.>"],"storage":"file","retention":"limits"}"#
            _ = try await js.apiRequest("STREAM.CREATE.BENCH", body: Array(body.utf8))
        }

        static func runC(_ program: String, url: String, count: Int, size: Int, window: Int) async throws -> Double {
            let (status, text) = try await PeerProcess.run(program, [url, "bench.js", String(count), String(size), String(window)])
            guard status == 0, let rate = PeerProcess.messagesPerSecond(in: text) else {
                throw ValidationError("\(program) failed (status \(status)): \(text)")
            }
            return rate
        }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted[sorted.count / 2]
        }
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
