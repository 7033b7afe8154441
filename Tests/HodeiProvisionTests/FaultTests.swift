import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl
import Synchronization
import Testing

/// Cluster faults on 3 loopback nodes with R3 streams: a node killed (SIGKILL) in the middle of a
/// 50,000-event batch publish, and a stream leader killed in the middle of an apply.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct FaultTests {
    static let eventCount = 50_000

    @Test func killingANodeDuringABatchPublishLosesNoAcknowledgedEvent() async throws {
        try await withNATSCluster(size: 3) { cluster in
            let connection = try await FaultSupport.connect(cluster.urls, tenant: nil, maxReconnect: -1)
            let js = try connection.jetStream(maxInFlight: 1024)
            let events = connection.events()
            let reconnected = Task {
                for await event in events where event == .reconnected { return true }
                return false
            }
            let config = #"{"name":"EVENTS","subjects":["ev.>"],"num_replicas":3,"storage":"file","duplicate_window":600000000000}"#
            // Stream creation is retried while the new cluster elects its leaders.
            let created = await FaultSupport.eventually(timeout: .seconds(30)) {
                (try? await js.apiRequest("STREAM.CREATE.EVENTS", body: Array(config.utf8), timeout: .seconds(5))) != nil
            }
            try #require(created)

            // The publisher loop: batches of 1,000 (within the 1,024 in-flight window, so a batch never
            // stalls on acks lost with the dead node) with Nats-Msg-Id = event id; whatever did not
            // get an ack is published again in the next round (the stream drops repeats it has).
            let started = ContinuousClock.now
            var acked = Set<Int>()
            var duplicateAcks = 0
            var failedOutcomes = 0
            var rounds = 0
            var pending = Array(0..<Self.eventCount)
            var killed: (node: NATSServer, task: Task<Void, Never>)?
            var ackedAfterKill = 0
            let deadline = ContinuousClock.now + .seconds(120)
            while !pending.isEmpty, ContinuousClock.now < deadline {
                rounds += 1
                var retry: [Int] = []
                for start in stride(from: 0, to: pending.count, by: 1_000) {
                    guard ContinuousClock.now < deadline else { break }
                    let slice = pending[start..<min(start + 1_000, pending.count)]
                    if killed == nil, acked.count >= 10_000 {
                        // The node this client talks to dies mid-batch: the client must reconnect.
                        let port = connection.connectedURL.flatMap { URL(string: $0)?.port }
                        let victim = cluster.nodes.first { $0.port == port } ?? cluster.nodes[0]
                        killed = (victim, Task { await victim.kill() })
                    }
                    let messages = slice.map { index in
                        JetStreamOutgoingMessage(subject: "ev.\(index % 12)", data: Array("event \(index)".utf8),
                                                 msgId: "event-\(index)")
                    }
                    do {
                        let result = try await js.publishBatch(messages, ackTimeout: .seconds(5))
                        for (offset, index) in slice.enumerated() {
                            if case .acked(let ack) = result[offset] {
                                acked.insert(index)
                                if ack.duplicate { duplicateAcks += 1 }
                                if killed != nil { ackedAfterKill += 1 }
                            } else {
                                retry.append(index)
                                failedOutcomes += 1
                            }
                        }
                    } catch {
                        retry += slice
                        failedOutcomes += slice.count
                        try? await Task.sleep(for: .milliseconds(200))
                    }
                }
                pending = retry
            }
            let publishTime = ContinuousClock.now - started
            let victim = try #require(killed)
            await victim.task.value
            #expect(pending.isEmpty, "\(pending.count) events never acknowledged")
            #expect(acked.count == Self.eventCount)
            // The publisher carried on: thousands of acks came after the node died.
            #expect(ackedAfterKill > 10_000)
            #expect(!connection.isClosed)

            // Every acknowledged event is in the stream: read it all back and check the ids.
            // The node comes back and catches up; then a one-replica consumer without acks (nothing
            // limits how much one fetch takes) reads the stream back.
            try await victim.node.restart()
            let verify = #"{"stream_name":"EVENTS","config":{"durable_name":"verify","ack_policy":"none","deliver_policy":"all","num_replicas":1}}"#
            let consumerReady = await FaultSupport.eventually(timeout: .seconds(30), every: .milliseconds(500)) {
                (try? await js.apiRequest("CONSUMER.CREATE.EVENTS.verify", body: Array(verify.utf8), timeout: .seconds(5))) != nil
            }
            try #require(consumerReady)
            let consumer = try await js.bindPull(stream: "EVENTS", consumer: "verify")
            var seen = Set<Int>()
            var storedDuplicates = 0
            let readDeadline = ContinuousClock.now + .seconds(90)
            while seen.count < acked.count, ContinuousClock.now < readDeadline {
                for message in (try? await consumer.fetch(batch: 5_000, timeout: .seconds(2))) ?? [] {
                    let id = message.headers["Nats-Msg-Id"] ?? ""
                    if let index = Int(id.dropFirst("event-".count)), seen.insert(index).inserted == false {
                        storedDuplicates += 1
                    }
                }
            }
            #expect(acked.isSubset(of: seen), "\(acked.subtracting(seen).count) acknowledged events missing")
            #expect(storedDuplicates == 0)
            let stored = await FaultSupport.messageCount(js, stream: "EVENTS")
            #expect(stored == Self.eventCount)
            print("""
                fault figures: \(Self.eventCount) events in \(publishTime), \(rounds) round(s), \
                \(failedOutcomes) failed outcomes retried, \(duplicateAcks) duplicate acks on retry, \
                \(ackedAfterKill) acked after the kill, \(storedDuplicates) duplicates stored
                """)
            await connection.close()
            // The client really lost its node and reconnected to another (the events end at close).
            #expect(await reconnected.value)
        }
    }

    @Test func applyConvergesAfterAStreamLeaderIsKilledDuringIt() async throws {
        try await withNATSCluster(size: 3) { cluster in
            let connector = StaticTenantConnector(urls: cluster.urls, connectTimeout: .seconds(2))
            let first = try FaultSupport.profile(FaultSupport.profileText(
                urls: cluster.urls, tenants: ["acme"], streams: 4, consumers: 2, replicas: 3, cluster: true))
            // The first apply, retried while the new cluster elects leaders.
            let ready = await FaultSupport.eventually(timeout: .seconds(30), every: .milliseconds(500)) {
                await FaultSupport.apply(first, connector: connector).report.succeeded
            }
            try #require(ready)

            // S0's leader dies while the grown profile (12 streams, max_msgs on all) is applied.
            let grown = try FaultSupport.profile(FaultSupport.profileText(
                urls: cluster.urls, tenants: ["acme"], streams: 12, consumers: 2, replicas: 3, maxMsgs: 1_000_000,
                cluster: true))
            let leaderName = try await Self.leader(of: "S0", urls: cluster.urls)
            let leader = try #require(
                cluster.nodes.enumerated().first { leaderName == "\(cluster.name)-n\($0.offset + 1)" }?.element)
            let kill = Mutex<Task<Void, Never>?>(nil)
            let killSwitch = KillSwitch(after: 3) { kill.withLock { $0 = Task { await leader.kill() } } }
            let reconciler = Reconciler(profile: grown, connector: connector)
            let planned = await reconciler.plan()
            #expect(planned.plan.resources.count { $0.isExecutable } == 4 + 8 * 3)
            let interrupted = await reconciler.apply(planned.plan, reporter: killSwitch)
            await reconciler.close()
            await kill.withLock { $0 }?.value
            #expect(killSwitch.fired)
            #expect(!leader.isRunning)

            // The node comes back (R3 streams need three servers to be placed); apply is retried
            // until it succeeds, then a fresh plan has nothing to do.
            try await leader.restart()
            var retries = 0
            let converged = await FaultSupport.eventually(timeout: .seconds(60), every: .seconds(1)) {
                retries += 1
                let (planned, report) = await FaultSupport.apply(grown, connector: connector, requestTimeout: .seconds(3))
                return report.succeeded && !planned.plan.hasErrors
            }
            #expect(converged)
            let after = await FaultSupport.plan(grown, connector: connector)
            #expect(!after.hasChanges, "\(PlanRenderer().render(after))")
            print("fault figures: leader \(leaderName) killed during apply; \(interrupted.failures.count) step(s) failed; converged after \(retries) apply retr(ies)")
        }
    }

    /// The server name of `stream`'s leader (STREAM.INFO `cluster.leader`), retried while electing.
    static func leader(of stream: String, urls: [String]) async throws -> String {
        let connection = try await FaultSupport.connect(urls, tenant: nil)
        let js = try connection.jetStream()
        struct Info: Decodable {
            struct Cluster: Decodable { var leader: String? }
            var cluster: Cluster?
        }
        var name: String?
        _ = await FaultSupport.eventually(timeout: .seconds(15)) {
            guard let data = try? await js.apiRequest("STREAM.INFO.\(stream)"),
                  let info = try? JSONDecoder().decode(Info.self, from: Data(data)) else { return false }
            name = info.cluster?.leader
            return name != nil
        }
        await connection.close()
        return try #require(name)
    }
}
