import Foundation

/// A held apply lock: renew it while the apply runs, release it when done.
public actor ApplyLockLease {
    public let lock: ApplyLock
    public private(set) var record: LockRecord
    /// Revision of our last write; renewals and the release are conditional on it.
    public private(set) var revision: UInt64
    private var renewer: Task<Void, Never>?
    private var renewalFailure: ApplyLockError?

    init(lock: ApplyLock, record: LockRecord, revision: UInt64) {
        self.lock = lock
        self.record = record
        self.revision = revision
    }

    /// Pushes `expires_at` a full TTL ahead. Throws `.lost` if someone else wrote the key meanwhile.
    public func renew() async throws(ApplyLockError) {
        var renewed = record
        renewed.expiresAt = lock.now().addingTimeInterval(lock.ttl.seconds)
        do {
            revision = try await lock.bucket.put(key: lock.key, value: lock.encode(renewed), expectedRevision: revision)
            record = renewed
        } catch where error.isWrongLastSequence {
            throw .lost(environment: lock.environment, by: try? await lock.current())
        } catch {
            throw .bucket(error)
        }
    }

    /// Renews every third of the TTL until `release()`; a failed renewal is reported by `release()`.
    public func startRenewing() {
        guard renewer == nil else { return }
        let interval = lock.ttl / 3
        renewer = Task { [weak self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                guard let self else { return }
                if await !self.renewOnce() { return }
            }
        }
    }

    private func renewOnce() async -> Bool {
        do throws(ApplyLockError) {
            try await renew()
            return true
        } catch {
            renewalFailure = error
            return false
        }
    }

    /// Stops renewing and frees the lock (a KV delete marker, conditional on our revision).
    /// Throws the renewal failure if the lease was lost while it ran.
    public func release() async throws(ApplyLockError) {
        renewer?.cancel()
        renewer = nil
        if let renewalFailure { throw renewalFailure }
        do {
            revision = try await lock.bucket.put(key: lock.key, value: [], expectedRevision: revision, operation: .delete)
        } catch where error.isWrongLastSequence {
            throw .lost(environment: lock.environment, by: try? await lock.current())
        } catch {
            throw .bucket(error)
        }
    }
}
