import Foundation

/// The per-environment apply lock: key `lock.<env>` in the bookkeeping bucket.
///
/// Acquire is a conditional write (`Nats-Expected-Last-Subject-Sequence`): 0 when the key has no
/// entry, else the revision of the released (KV delete marker) or expired entry found. Two
/// acquirers racing for one revision: the server stores only the first, the second gets 10071
/// and then sees the winner as the holder. Expiry is judged on the acquirers' clocks (the record
/// carries `expires_at`), so hosts need roughly synchronised clocks; the TTL (10 min) dwarfs skew.
public struct ApplyLock: Sendable {
    public static let defaultTTL: Duration = .seconds(600)

    public let bucket: ProvisionBucket
    public let environment: String
    public let ttl: Duration
    public let holder: LockHolder
    let now: @Sendable () -> Date

    public init(bucket: ProvisionBucket, environment: String, ttl: Duration = ApplyLock.defaultTTL,
                holder: LockHolder = .current(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.bucket = bucket
        self.environment = environment
        self.ttl = ttl
        self.holder = holder
        self.now = now
    }

    public var key: String { "lock.\(environment)" }

    /// Takes the lock or throws `.held` naming the current holder.
    public func acquire() async throws(ApplyLockError) -> ApplyLockLease {
        do { try await bucket.ensure() } catch { throw .bucket(error) }
        let expected: UInt64
        switch try await state() {
        case .free(let revision): expected = revision
        case .held(let record, let revision):
            guard record.isExpired(at: now()) else { throw .held(record) }
            expected = revision
        }
        let start = now()
        let record = LockRecord(environment: environment, holder: holder, acquiredAt: start,
                                expiresAt: start.addingTimeInterval(ttl.seconds), leaseID: UUID().uuidString)
        do {
            let revision = try await bucket.put(key: key, value: encode(record), expectedRevision: expected)
            return ApplyLockLease(lock: self, record: record, revision: revision)
        } catch where error.isWrongLastSequence {
            // Someone else won the race for this revision: name them.
            if case .held(let winner, _) = try await state() { throw .held(winner) }
            throw .lost(environment: environment, by: nil)
        } catch {
            throw .bucket(error)
        }
    }

    /// The lock as stored now, or nil when free. Never changes anything.
    public func current() async throws(ApplyLockError) -> LockRecord? {
        if case .held(let record, _) = try await state() { return record }
        return nil
    }

    /// Removes whatever lock is held (a dead apply's). Returns the record removed, nil if none was.
    /// The removal is conditional on the revision read, so a lock taken meanwhile is not removed.
    @discardableResult
    public func forceUnlock() async throws(ApplyLockError) -> LockRecord? {
        do { try await bucket.ensure() } catch { throw .bucket(error) }
        guard case .held(let record, let revision) = try await state() else { return nil }
        do {
            try await bucket.put(key: key, value: [], expectedRevision: revision, operation: .delete)
        } catch where error.isWrongLastSequence {
            if case .held(let newer, _) = try await state() { throw .held(newer) }
        } catch {
            throw .bucket(error)
        }
        return record
    }

    enum State {
        case free(revision: UInt64)
        case held(LockRecord, revision: UInt64)
    }

    func state() async throws(ApplyLockError) -> State {
        let entry: KVEntry?
        do { entry = try await bucket.get(key: key) } catch { throw .bucket(error) }
        guard let entry else { return .free(revision: 0) }
        guard entry.operation == .put else { return .free(revision: entry.revision) }
        guard let record = try? LockRecord.decoder.decode(LockRecord.self, from: Data(entry.value)) else {
            throw .unreadable(environment: environment, revision: entry.revision)
        }
        return .held(record, revision: entry.revision)
    }

    func encode(_ record: LockRecord) -> [UInt8] {
        (try? LockRecord.encoder.encode(record)).map { [UInt8]($0) } ?? []
    }
}

extension Duration {
    /// Whole and fractional seconds.
    var seconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
