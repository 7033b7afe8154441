import Foundation

/// The `message` object of a `$JS.API.STREAM.MSG.GET` response (headers and data in base64).
struct StoredMessage: Decodable {
    struct Envelope: Decodable { var message: StoredMessage }

    var subject: String
    var seq: UInt64
    var hdrs: String?
    var data: String?
    var time: String?

    /// Bytes of `data` (absent for an empty message).
    var payload: [UInt8] { data.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? [] }

    /// The `KV-Operation` header, read from the NATS/1.0 header block.
    var kvOperation: KVEntry.Operation {
        guard let hdrs, let block = Data(base64Encoded: hdrs) else { return .put }
        for line in String(decoding: block, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "kv-operation" else { continue }
            return KVEntry.Operation(rawValue: parts[1].trimmingCharacters(in: .whitespaces)) ?? .put
        }
        return .put
    }

    var storedAt: Date? {
        guard let time else { return nil }
        return ISO8601DateFormatter.withFractionalSeconds.date(from: time) ?? ISO8601DateFormatter().date(from: time)
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 with fractional seconds, as the server writes times (up to nanoseconds; parsed to ms).
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
