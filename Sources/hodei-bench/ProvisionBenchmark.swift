import ArgumentParser
import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl

extension HodeiBench {
    /// First apply and no-op plan of a large profile (tenants × streams × consumers, one account per
    /// tenant) through the library, against a sequential nats-py script doing the same idempotent
    /// checks and creates, on one server in one run.
    struct Provision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provision",
            abstract: "plan/apply (library) vs a sequential nats-py script: first apply and no-op, seconds and ratios.")

        @Option(help: "Tenants (one account each, with an admin user).") var tenants = 10
        @Option(help: "Streams per tenant.") var streams = 100
        @Option(help: "Consumers per stream.") var consumers = 2
        @Option(help: "No-op runs per implementation (the median is reported).") var runs = 3
        @Option(help: "nats-server binary (default: NATS_SERVER_BIN, else PATH).") var serverBin: String?
        @Option(help: "Python with nats-py.") var python = "python3"
        @Option(help: "Requests in flight during our apply.") var applyInFlight = 16
        @Flag(help: "Only our side (for profiling): no nats-py runs, no ratios.") var skipScript = false

        func run() async throws {
            let binary = try NATSServerBinary.resolve(explicitPath: serverBin)
            let serverVersion = try await binary.version()
            let names = (0..<tenants).map { String(format: "T%02d", $0) }
            let accounts = names.map { "  \($0): { jetstream: enabled, users: [{ user: \"admin-\($0)\", password: \"bench\" }] }" }
            let config = "accounts {\n" + accounts.joined(separator: "\n") + "\n}\n"
            let script = FileManager.default.temporaryDirectory.appendingPathComponent("hodei-bench-provision-\(getpid()).py")
            try Self.pythonScript.write(to: script, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: script) }

            try await withNATSServer(NATSServerConfiguration(binary: binary, extraConfig: config, serverName: "bench")) { server in
                let loadStart = ContinuousClock.now
                let profile = try ProfileLoader(environment: [:]).load(text: profileText(url: server.url, names: names),
                                                                       file: "bench.profile")
                let loadSeconds = (ContinuousClock.now - loadStart).seconds
                let connector = StaticTenantConnector(
                    urls: [server.url],
                    auth: Dictionary(uniqueKeysWithValues: names.map { ($0, NATSAuth.userPassword(user: "admin-\($0)", password: "bench")) }))
                let resources = tenants * streams * (1 + consumers)

                // Ours: first apply on an empty server, then no-op plans.
                // Before each timed phase, both sides alike: flush dirty pages (the file stores just
                // created or deleted), so the kernel's writeback of one phase does not run inside the next.
                sync()
                let oursApply = try await Self.timed {
                    let reconciler = Reconciler(profile: profile, connector: connector)
                    let planned = await reconciler.plan()
                    let report = await reconciler.apply(planned.plan, maxInFlight: applyInFlight)
                    await reconciler.close()
                    guard report.succeeded, report.results.count == resources else {
                        throw ValidationError("first apply: \(report.summary) \(report.failures.first.map { "\($0)" } ?? "")")
                    }
                }
                print("ours: first apply \(Self.format(oursApply)) s")
                sync()
                var oursNoop: [Double] = []
                for _ in 0..<runs {
                    let cpuBefore = Self.processCPUSeconds()
                    oursNoop.append(try await Self.timed {
                        let reconciler = Reconciler(profile: profile, connector: connector)
                        let planned = await reconciler.plan()
                        await reconciler.close()
                        guard !planned.plan.hasChanges, !planned.plan.hasErrors else {
                            throw ValidationError("no-op plan has changes: \(planned.plan.summary.text)")
                        }
                    })
                    print("ours: no-op plan \(Self.format(oursNoop.last!)) s "
                        + "(this process's CPU \(Self.format(Self.processCPUSeconds() - cpuBefore)) s)")
                }

                try await Self.breakdown(profile: profile, connector: connector)
                if skipScript { return }
                try await Self.deleteAllStreams(url: server.url, names: names)
                sync()

                // The script: the same work on the same (again empty) server.
                let scriptApply = try await runScript(script.path, url: server.url, expectCreated: resources)
                print("nats-py: first apply \(Self.format(scriptApply)) s")
                sync()
                var scriptNoop: [Double] = []
                for _ in 0..<runs {
                    scriptNoop.append(try await runScript(script.path, url: server.url, expectCreated: 0))
                    print("nats-py: no-op \(Self.format(scriptNoop.last!)) s")
                }

                let noop = JSPub.median(oursNoop)
                let scriptNoopMedian = JSPub.median(scriptNoop)
                print("")
                print("provision: \(tenants) tenants × \(streams) streams × \(consumers) consumers = \(resources) resources, "
                    + "one account per tenant, file storage, nats-server \(serverVersion); no-op: median of \(runs); "
                    + "profile load (not in the timings) \(Self.format(loadSeconds)) s")
                print("| operation | hodei-provision (s) | nats-py script (s) | speed-up | target |")
                print("|---|---:|---:|---:|---|")
                print("| first apply | \(Self.format(oursApply)) | \(Self.format(scriptApply)) | "
                    + "\(String(format: "%.1f×", scriptApply / oursApply)) | ≥ 3× |")
                print("| no-op plan | \(Self.format(noop)) | \(Self.format(scriptNoopMedian)) | "
                    + "\(String(format: "%.1f×", scriptNoopMedian / noop)) | ≤ 1.5 s and ≥ 5× |")
                print("RESULT bench=provision apply_s=\(Self.format(oursApply)) script_apply_s=\(Self.format(scriptApply)) "
                    + "noop_s=\(Self.format(noop)) script_noop_s=\(Self.format(scriptNoopMedian)) "
                    + "apply_speedup=\(String(format: "%.2f", scriptApply / oursApply)) "
                    + "noop_speedup=\(String(format: "%.2f", scriptNoopMedian / noop))")
            }
        }

        private func profileText(url: String, names: [String]) -> String {
            var lines = ["profile: 1", "environment: dev", "servers:", "  urls: [\(url)]", "auth:", "  mode: accounts", "tenants:"]
            lines.reserveCapacity(names.count * streams * (3 + consumers))
            for name in names {
                lines += ["  \(name):", "    streams:"]
                for s in 0..<streams {
                    lines += [String(format: "      S%03d:", s), "        subjects: [\"s\(s).>\"]", "        consumers:"]
                    for c in 0..<consumers {
                        lines.append("          c\(c): { filter: \"s\(s).c\(c).>\", ack: explicit }")
                    }
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private func runScript(_ path: String, url: String, expectCreated: Int) async throws -> Double {
            let (status, text) = try await PeerProcess.run(
                "/usr/bin/env", [python, path, url, String(tenants), String(streams), String(consumers)])
            let fields = text.split(whereSeparator: \.isWhitespace)
            guard status == 0, fields.count == 2, let seconds = Double(fields[0]), let created = Int(fields[1]) else {
                throw ValidationError("nats-py script failed (exit \(status)): \(text)")
            }
            guard created == expectCreated else {
                throw ValidationError("nats-py script created \(created) resources, expected \(expectCreated)")
            }
            return seconds
        }

        /// Where a no-op plan's time goes: building the desired state, connect + capabilities, reading
        /// the live state, planning, the profile hash, closing the connections.
        static func breakdown(profile: Profile, connector: any TenantConnector) async throws {
            var reconciler: Reconciler?
            let build = try await timed { reconciler = Reconciler(profile: profile, connector: connector) }
            let tenants = reconciler!.tenants()
            var capabilities: ServerCapabilities?
            let connect = try await timed { capabilities = await reconciler!.capabilities(tenants: tenants) }
            var actual = ActualState()
            let read = try await timed { actual = await reconciler!.readActual(tenants: tenants) }
            let plan = try await timed {
                _ = Planner.plan(desired: reconciler!.desired, actual: actual, capabilities: capabilities!, options: PlanOptions())
            }
            let hash = try await timed { _ = reconciler!.profileHash }
            let close = try await timed { await reconciler!.close() }
            print("ours: no-op breakdown: desired state \(format(build)) s, connect + capabilities \(format(connect)) s, "
                + "read live state \(format(read)) s, plan \(format(plan)) s, profile hash \(format(hash)) s, close \(format(close)) s")
        }

        static func deleteAllStreams(url: String, names: [String]) async throws {
            for name in names {
                let connection = try await NATSConnection.connect(NATSConnectOptions(
                    servers: [url], auth: .userPassword(user: "admin-\(name)", password: "bench")))
                let admin = JetStreamAdmin(connection: connection, tenant: name)
                for stream in try await admin.streamNames() { try await admin.deleteStream(stream) }
                await connection.close()
            }
        }

        static func timed(_ body: () async throws -> Void) async throws -> Double {
            let start = ContinuousClock.now
            try await body()
            return (ContinuousClock.now - start).seconds
        }

        /// User + system CPU time of this process so far (all threads).
        static func processCPUSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
            return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        }

        static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

        /// The peer: sequential, idempotent, what a hand-written provisioning script does.
        static let pythonScript = #"""
        import asyncio, sys, time
        import nats
        from nats.js.api import StreamConfig, ConsumerConfig, AckPolicy
        from nats.js.errors import NotFoundError

        async def main(url, tenants, streams, consumers):
            created = 0
            start = time.perf_counter()
            for t in range(tenants):
                user = "admin-T%02d" % t
                nc = await nats.connect(url, user=user, password="bench")
                js = nc.jetstream()
                for s in range(streams):
                    name = "S%03d" % s
                    try:
                        await js.stream_info(name)
                    except NotFoundError:
                        await js.add_stream(StreamConfig(name=name, subjects=["s%d.>" % s]))
                        created += 1
                    for c in range(consumers):
                        durable = "c%d" % c
                        try:
                            await js.consumer_info(name, durable)
                        except NotFoundError:
                            await js.add_consumer(name, ConsumerConfig(
                                durable_name=durable, filter_subject="s%d.c%d.>" % (s, c),
                                ack_policy=AckPolicy.EXPLICIT))
                            created += 1
                await nc.close()
            print("%.6f %d" % (time.perf_counter() - start, created))

        asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
        """#
    }
}
