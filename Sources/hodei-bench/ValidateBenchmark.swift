import ArgumentParser
import Foundation
import HodeiProfile
import Yams

extension HodeiBench {
    /// `validate` of a generated large profile (tenants × streams × consumers), against PyYAML
    /// parsing the same file in the same run (C libyaml loader and pure Python loader).
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Time profile load + validate on a generated profile (target ≤ 0.3 s for 100×10×2).",
            discussion: """
            Example: swift run -c release hodei-bench validate --tenants 100 --streams 10 --consumers 2
            The peer is PyYAML's safe_load of the same file (parsing only; our figure includes
            extends/defaults/variables, typing, locations and every validation rule).
            """)

        @Option(help: "Tenants in the generated profile.") var tenants = 100
        @Option(help: "Streams per tenant.") var streams = 10
        @Option(help: "Consumers per stream.") var consumers = 2
        @Option(help: "Measured repetitions (after one warm-up).") var repetitions = 10
        @Flag(help: "Skip the Python peer.") var noPeer = false

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-bench-validate-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("large.profile").path
            let text = Self.generate(tenants: tenants, streams: streams, consumers: consumers)
            try text.write(toFile: file, atomically: true, encoding: .utf8)

            let loader = ProfileLoader(environment: [:])
            let validator = ProfileValidator()
            var parse: [Double] = [], load: [Double] = [], total: [Double] = []
            var issueCount = 0
            for round in 0...repetitions {
                let clock = ContinuousClock()
                let t0 = clock.now
                _ = try Yams.compose(yaml: try String(contentsOfFile: file, encoding: .utf8), .basic)
                let t1 = clock.now
                let profile = try loader.load(path: file)
                let t2 = clock.now
                issueCount = validator.issues(in: profile).count
                let t3 = clock.now
                guard round > 0 else { continue }
                parse.append(Self.seconds(t1 - t0))
                load.append(Self.seconds(t2 - t1))
                total.append(Self.seconds(t3 - t1))
            }
            var rows: [(String, Double)] = [
                ("Yams.compose, no tag resolution (parse only)", Self.median(parse)),
                ("hodei load (parse, extends, defaults, types, locations)", Self.median(load)),
                ("hodei load + validate", Self.median(total)),
            ]
            if !noPeer {
                for (name, loaderName) in [("PyYAML safe_load, CSafeLoader (libyaml)", "CSafeLoader"), ("PyYAML safe_load, SafeLoader (pure Python)", "SafeLoader")] {
                    if let seconds = Self.python(file: file, loader: loaderName, repetitions: max(3, repetitions / 2)) {
                        rows.append((name, seconds))
                    }
                }
            }
            let bytes = text.utf8.count
            print("profile: \(tenants) tenants × \(streams) streams × \(consumers) consumers, \(bytes / 1024) KiB, \(issueCount) issue(s); median of \(repetitions)")
            print("| step | median s | ratio to hodei load + validate |")
            print("|---|---:|---:|")
            let reference = Self.median(total)
            for (name, seconds) in rows {
                print("| \(name) | \(String(format: "%.4f", seconds)) | \(String(format: "%.2f", seconds / reference)) |")
            }
            print("target: load + validate ≤ 0.300 s → \(reference <= 0.3 ? "met" : "NOT met")")
        }

        static func generate(tenants: Int, streams: Int, consumers: Int) -> String {
            var out = "profile: 1\nenvironment: dev\nservers:\n  urls: [nats://127.0.0.1:4222]\n"
            out += "defaults:\n  limits: { max_streams: \(streams + 5), max_consumers: \(streams * consumers + 10), max_file: 1TiB, max_ack_pending: 100000 }\n"
            out += "tenants:\n"
            for t in 0..<tenants {
                out += "  tenant\(t):\n    users:\n"
                out += "      publisher: { publish: [\"t\(t).s0.>\", \"t\(t).s1.>\"] }\n"
                out += "      worker: { consume: [S0/c0], publish: [\"t\(t).s2.>\"] }\n"
                out += "    streams:\n"
                for s in 0..<streams {
                    out += "      S\(s):\n        subjects: [\"t\(t).s\(s).>\"]\n        max_age: 7d\n        max_bytes: 1GiB\n        duplicate_window: 2m\n        consumers:\n"
                    for c in 0..<consumers {
                        out += "          c\(c): { filter: \"t\(t).s\(s).k\(c).>\", ack: explicit, ack_wait: 30s, max_deliver: 5, backoff: [30s, 1m] }\n"
                    }
                }
            }
            return out
        }

        /// Median seconds of PyYAML loading `file`, measured inside Python; nil when unavailable.
        static func python(file: String, loader: String, repetitions: Int) -> Double? {
            let script = """
            import sys, time, statistics, yaml
            L = getattr(yaml, sys.argv[2])
            text = open(sys.argv[1]).read()
            yaml.load(text, Loader=L)
            times = []
            for _ in range(int(sys.argv[3])):
                t = time.perf_counter(); yaml.load(text, Loader=L); times.append(time.perf_counter() - t)
            print(statistics.median(times))
            """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, file, loader, "\(repetitions)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
    }
}
