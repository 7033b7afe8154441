import Foundation
import Synchronization
import HodeiProvision
import NATSClient
import Testing

@Suite("Apply lock on a real server")
struct LockTests {
    let alice = LockHolder(operator: "alice@ci-1", pid: 101, host: "ci-1")
    let bob = LockHolder(operator: "bob@laptop", pid: 202, host: "laptop")

    @Test("two concurrent acquirers: exactly one wins, the loser's error names the holder")
    func concurrentAcquire() async throws {
        try await withJetStream { js in
            let bucket = ProvisionBucket(jetStream: js)
            try await bucket.ensure()  // both race for the key, not for creating the stream
            let first = ApplyLock(bucket: bucket, environment: "prod", holder: alice)
            let second = ApplyLock(bucket: bucket, environment: "prod", holder: bob)
            async let a = attempt(first)
            async let b = attempt(second)
            let results = await [a, b]
            let winners = results.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            let winner = try #require(winners.first)
            let winnerHolder = await winner.record.holder
            let loserError = try #require(results.compactMap { result -> ApplyLockError? in
                if case .failure(let error) = result { return error } else { return nil }
            }.first)
            guard case .held(let record) = loserError else {
                Issue.record("expected .held, got \(loserError)")
                return
            }
            #expect(record.holder == winnerHolder)
            #expect(loserError.description.contains(winnerHolder.operator))
            #expect(loserError.description.contains("expires at"))
            try await winner.release()
        }
    }

    @Test("a second apply is refused while the first holds the lock; after release it gets it")
    func heldThenReleased() async throws {
        try await withJetStream { js in
            let bucket = ProvisionBucket(jetStream: js)
            let lease = try await ApplyLock(bucket: bucket, environment: "staging", holder: alice).acquire()
            let other = ApplyLock(bucket: bucket, environment: "staging", holder: bob)
            await #expect(throws: ApplyLockError.self) { try await other.acquire() }
            // Another environment is independent.
            let devLease = try await ApplyLock(bucket: bucket, environment: "dev", holder: bob).acquire()
            try await lease.release()
            #expect(try await other.current() == nil)
            let taken = try await other.acquire()
            #expect(await taken.record.holder == bob)
            try await taken.release()
            try await devLease.release()
        }
    }

    @Test("an expired lock is taken over, and the old lease learns it lost the lock")
    func expiredTakeover() async throws {
        try await withJetStream { js in
            let bucket = ProvisionBucket(jetStream: js)
            let start = Date()
            let old = ApplyLock(bucket: bucket, environment: "prod", ttl: .seconds(60), holder: alice, now: { start })
            let oldLease = try await old.acquire()
            let later = start.addingTimeInterval(61)
            let newcomer = ApplyLock(bucket: bucket, environment: "prod", ttl: .seconds(60), holder: bob, now: { later })
            let lease = try await newcomer.acquire()
            #expect(await lease.record.holder == bob)
            #expect(try await newcomer.current()?.holder == bob)
            do throws(ApplyLockError) {
                try await oldLease.release()
                Issue.record("the old lease released a lock it no longer holds")
            } catch {
                guard case .lost = error else { Issue.record("expected .lost, got \(error)"); return }
            }
            // The newcomer's lock survived the old lease's attempt.
            #expect(try await newcomer.current()?.holder == bob)
            try await lease.release()
        }
    }

    @Test("renew pushes expires_at forward; force-unlock removes a dead holder's lock")
    func renewAndForceUnlock() async throws {
        try await withJetStream { js in
            let bucket = ProvisionBucket(jetStream: js)
            let clock = TestClock(Date())
            let lock = ApplyLock(bucket: bucket, environment: "prod", ttl: .seconds(600), holder: alice, now: { clock.now })
            let lease = try await lock.acquire()
            let firstExpiry = await lease.record.expiresAt
            clock.advance(120)
            try await lease.renew()
            let renewed = try #require(try await lock.current()?.expiresAt)
            #expect(abs(renewed.timeIntervalSince(firstExpiry) - 120) < 0.01)

            let rescuer = ApplyLock(bucket: bucket, environment: "prod", holder: bob)
            let removed = try await rescuer.forceUnlock()
            #expect(removed?.holder == alice)
            #expect(try await rescuer.forceUnlock() == nil)
            let lease2 = try await rescuer.acquire()
            await #expect(throws: ApplyLockError.self) { try await lease.renew() }
            try await lease2.release()
        }
    }
}

func attempt(_ lock: ApplyLock) async -> Result<ApplyLockLease, ApplyLockError> {
    do throws(ApplyLockError) {
        return .success(try await lock.acquire())
    } catch {
        return .failure(error)
    }
}

/// A settable clock for expiry tests (no sleeping).
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date) { value = Mutex(start) }
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
