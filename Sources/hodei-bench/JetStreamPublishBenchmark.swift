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
        @Option(help: "Runs per implementation (the median is reported).") var runs = 3
        @Option(help: "nats-server binary (default: NATS_SERVER_BIN, else PATH).") var serverBin: String?
        @Option(help: "The C peer (default: nats-c-bench next to this executable).") var cBench: String?

        func run() async throws {
            let binary = try NATSServerBinary.resolve(explicitPath: serverBin)
            let cProgram = cBench ?? Self.siblingExecutable("nats-c-bench")
            guard FileManager.default.isExecutableFile(atPath: cProgram) else {
                throw ValidationError("\(cProgram): C peer not found; build it with `swift build -c release`")
            }
            let serverVersion = try await binary.version()
            try await withNATSServer(NATSServerConfiguration(binary: binary, serverName: "bench")) { server in
                let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url], name: "jspub"))
                let js = try connection.jetStream(maxInFlight: window)
                let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                let messages = [JetStreamOutgoingMessage](
                    repeating: JetStreamOutgoingMessage(subject: "bench.js", data: payload), count: count)
                var swiftRates: [Double] = []
                var cRates: [Double] = []
                for runIndex in 1...runs {
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
                print("jspub: \(count) msgs × \(size) B, file storage, window \(window), nats-server \(serverVersion), libnats \(NATSConnection.libnatsVersion), median of \(runs)")
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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = [url, "bench.js", String(count), String(size), String(window)]
            let output = Pipe()
            process.standardOutput = output
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            guard status == 0,
                  let field = text.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("msgs_per_sec=") }),
                  let rate = Double(field.dropFirst("msgs_per_sec=".count))
            else {
                throw ValidationError("\(program) failed (status \(status)): \(text)")
            }
            return rate
        }

        static func siblingExecutable(_ name: String) -> String {
            let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            return own.deletingLastPathComponent().appendingPathComponent(name).path
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
