import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import HodeiTestSupport
import NATSClient
import NATSServerControl
import Synchronization
import Testing

/// Apply crash safety: the server is killed (SIGKILL) at 10 random points of a large first apply
/// (200 streams × 2 consumers) and restarted on its store each time; the next apply converges to
/// the profile and the messages stored before are intact.
@Suite(.timeLimit(.minutes(3)))
struct CrashTests {
    static let streams = 200
    static let killPoints = 10
    static let storedBefore = 100

    @Test func applyConvergesAfterTenKillsAndKeepsStoredMessages() async throws {
        try await withNATSServer { server in
            let connector = StaticTenantConnector(urls: [server.url], connectTimeout: .seconds(2))
            let small = try FaultSupport.profile(FaultSupport.profileText(
                urls: [server.url], tenants: ["acme"], streams: 1, consumers: 2))
            let large = try FaultSupport.profile(FaultSupport.profileText(
                urls: [server.url], tenants: ["acme"], streams: Self.streams, consumers: 2))

            // Messages stored before the large apply.
            #expect(await FaultSupport.apply(small, connector: connector).report.succeeded)
            let publisher = try await FaultSupport.connect([server.url], tenant: nil)
            let js = try publisher.jetStream()
            for index in 0..<Self.storedBefore {
                _ = try await js.publish(subject: "acme.s0.kept", data: Array("kept \(index)".utf8), msgId: "kept-\(index)")
            }
            await publisher.close()

            var rng = SeededRandom(state: 0x4352_4153_48)
            var killPoints: [Int] = []
            var failedSteps = 0
            for _ in 0..<Self.killPoints {
                let reconciler = Reconciler(profile: large, connector: connector)
                let planned = await reconciler.plan()
                let steps = planned.plan.resources.count { $0.isExecutable }
                #expect(!planned.plan.hasErrors)
                guard steps > 1 else { break }
                // A kill point somewhere in the first half of what is left, so ten fit in one apply.
                let point = Int.random(in: 1...max(1, steps / 2), using: &rng)
                killPoints.append(point)
                let kill = Mutex<Task<Void, Never>?>(nil)
                let killSwitch = KillSwitch(after: point) { kill.withLock { $0 = Task { await server.kill() } } }
                let report = await reconciler.apply(planned.plan, reporter: killSwitch)
                await reconciler.close()
                await kill.withLock { $0 }?.value
                #expect(killSwitch.fired)
                failedSteps += report.failures.count
                try await server.restart()
            }
            #expect(killPoints.count == Self.killPoints)

            // After the last restart: one more apply converges, and a fresh plan has nothing to do.
            let (_, final) = await FaultSupport.apply(large, connector: connector)
            #expect(final.succeeded, "\(final.failures.prefix(5))")
            let after = await FaultSupport.plan(large, connector: connector)
            #expect(!after.hasChanges, "\(PlanRenderer().render(after).prefix(2000))")
            #expect(after.resources.count { $0.kind == .stream } == Self.streams)

            let reader = try await FaultSupport.connect([server.url], tenant: nil)
            let count = await FaultSupport.messageCount(try reader.jetStream(), stream: "S0")
            #expect(count == Self.storedBefore)
            await reader.close()
            print("crash figures: kill points \(killPoints); \(failedSteps) step(s) failed across the killed applies; final apply \(final.summary)")
        }
    }
}
