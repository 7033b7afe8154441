import Foundation

/// The apply history of one bucket: one record per apply under `history.<env>.<id>`.
public struct ApplyJournal: Sendable {
    public let bucket: ProvisionBucket

    public init(bucket: ProvisionBucket) {
        self.bucket = bucket
    }

    public static func key(for record: ApplyRecord) -> String { "history.\(record.environment).\(record.id)" }

    /// Stores `record`; returns its key.
    @discardableResult
    public func record(_ record: ApplyRecord) async throws(ProvisionBucketError) -> String {
        try await bucket.ensure()
        let key = ApplyJournal.key(for: record)
        let value = (try? ApplyRecord.encoder.encode(record)).map { [UInt8]($0) } ?? []
        // 0 = the key must be new: a record is never overwritten.
        try await bucket.put(key: key, value: value, expectedRevision: 0)
        return key
    }

    /// Records of `environment`, newest first, at most `limit`. Entries that are not records
    /// (written by something else) are skipped. A bucket that does not exist yet has no history.
    public func history(environment: String, limit: Int? = nil) async throws(ProvisionBucketError) -> [ApplyRecord] {
        let entries: [KVEntry]
        do {
            entries = try await bucket.entries(matching: "history.\(environment).>")
        } catch where error.cause.jetStreamErrorCode == 10059 {
            return []  // stream not found: nothing was ever applied here
        }
        let records = entries.compactMap { entry -> ApplyRecord? in
            guard entry.operation == .put else { return nil }
            return try? ApplyRecord.decoder.decode(ApplyRecord.self, from: Data(entry.value))
        }
        let newestFirst = records.sorted { ($0.time, $0.id) > ($1.time, $1.id) }
        guard let limit else { return newestFirst }
        return Array(newestFirst.prefix(max(0, limit)))
    }
}
