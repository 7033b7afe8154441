import Foundation
import NATSClient

/// The JetStream KV bucket that holds hodei-provision's own bookkeeping (apply history, apply locks).
///
/// Spoken over the raw JetStream API rather than a KV client (libnats 3.4.1's KV would do, but the
/// rest of the tool already speaks JSON to `$JS.API`): a bucket is the stream `KV_<bucket>` on
/// `$KV.<bucket>.>`, configured the way nats.go/nats.c create one (history as
/// max_msgs_per_subject, rollup headers allowed, deletes denied, direct get, discard new), so
/// `nats kv` tooling can read it too.
public struct ProvisionBucket: Sendable {
    /// The bucket hodei-provision uses in the account it journals to.
    public static let defaultName = "hodei_provision"
    /// Values kept per key (the lock's recent holders; history keys are unique, so one each).
    public static let defaultHistory = 5

    public let name: String
    public let jetStream: JetStreamContext
    public let replicas: Int

    public init(jetStream: JetStreamContext, name: String = ProvisionBucket.defaultName, replicas: Int = 1) {
        self.jetStream = jetStream
        self.name = name
        self.replicas = replicas
    }

    public var streamName: String { "KV_\(name)" }

    public func subject(for key: String) -> String { "$KV.\(name).\(key)" }

    /// Creates the bucket's stream if it is missing. STREAM.CREATE with an equal config is a no-op
    /// on the server; a bucket created by someone else with other settings is used as it is.
    public func ensure() async throws(ProvisionBucketError) {
        let config: [String: Any] = [
            "name": streamName,
            "subjects": ["$KV.\(name).>"],
            "retention": "limits",
            "max_msgs_per_subject": ProvisionBucket.defaultHistory,
            "max_msgs": -1, "max_bytes": -1, "max_age": 0, "max_msg_size": -1, "max_consumers": -1,
            "storage": "file",
            "discard": "new",
            "num_replicas": replicas,
            "duplicate_window": 120_000_000_000,
            "allow_rollup_hdrs": true,
            "deny_delete": true,
            "allow_direct": true,
        ]
        let body = (try? JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])).map { [UInt8]($0) } ?? []
        do {
            // Replicated like the profile's streams, so it waits for a settling cluster as they do.
            _ = try await PlacementRetry.run(waiting: PlacementRetry.defaultWait, isPeerOffline: {
                PlacementRetry.isPeerOffline(errCode: $0.jetStreamErrorCode, description: $0.detail)
            }) { () throws(NATSError) -> [UInt8] in
                try await jetStream.apiRequest("STREAM.CREATE.\(streamName)", body: body)
            }
        } catch where error.jetStreamErrorCode == 10058 {
            return  // exists with other settings: still a usable bucket
        } catch {
            throw ProvisionBucketError(bucket: name, operation: "create bucket stream \(streamName)", cause: error)
        }
    }

    /// Stores `value` under `key`. `expectedRevision` makes the write conditional: 0 = the key must
    /// have no entry, N = its last entry must be revision N (the server answers 10071 otherwise).
    /// Returns the new revision.
    @discardableResult
    public func put(key: String, value: [UInt8], expectedRevision: UInt64? = nil,
                    operation: KVEntry.Operation = .put) async throws(ProvisionBucketError) -> UInt64 {
        var headers = NATSHeaders()
        if let expectedRevision { headers["Nats-Expected-Last-Subject-Sequence"] = String(expectedRevision) }
        if operation != .put { headers["KV-Operation"] = operation.rawValue }
        do {
            let ack = try await jetStream.publish(subject: subject(for: key), data: value, headers: headers,
                                                  expectedStream: streamName)
            return ack.sequence
        } catch {
            throw ProvisionBucketError(bucket: name, operation: "put \(key)", cause: error)
        }
    }

    /// The last entry of `key` (a delete marker included), or nil when the key never had one.
    public func get(key: String) async throws(ProvisionBucketError) -> KVEntry? {
        try await message(["last_by_subj": subject(for: key)], operation: "get \(key)")
    }

    /// Every last-or-not entry whose key matches `keyPattern` (KV wildcards `*`, `>`), oldest first.
    /// Walks the stream with `next_by_subj`: one request per entry, fine for a journal.
    public func entries(matching keyPattern: String) async throws(ProvisionBucketError) -> [KVEntry] {
        var found: [KVEntry] = []
        var sequence: UInt64 = 1
        let filter = subject(for: keyPattern)
        while let entry = try await message(["seq": sequence, "next_by_subj": filter], operation: "list \(keyPattern)") {
            found.append(entry)
            sequence = entry.revision + 1
        }
        return found
    }

    private func message(_ request: [String: Any], operation: String) async throws(ProvisionBucketError) -> KVEntry? {
        let body = (try? JSONSerialization.data(withJSONObject: request)).map { [UInt8]($0) } ?? []
        let reply: [UInt8]
        do {
            reply = try await jetStream.apiRequest("STREAM.MSG.GET.\(streamName)", body: body)
        } catch where error.jetStreamErrorCode == 10037 {
            return nil  // no message found
        } catch {
            throw ProvisionBucketError(bucket: name, operation: operation, cause: error)
        }
        guard let stored = try? JSONDecoder().decode(StoredMessage.Envelope.self, from: Data(reply)).message else {
            throw ProvisionBucketError(bucket: name, operation: operation,
                                       cause: NATSError(kind: .invalidResponse, operation: operation,
                                                        detail: "STREAM.MSG.GET answer without a message"))
        }
        let prefix = "$KV.\(name)."
        let key = stored.subject.hasPrefix(prefix) ? String(stored.subject.dropFirst(prefix.count)) : stored.subject
        return KVEntry(key: key, value: stored.payload, revision: stored.seq, operation: stored.kvOperation,
                       storedAt: stored.storedAt)
    }
}
