import Foundation

/// One apply as the journal keeps it (`history.<env>.<id>` in the bookkeeping bucket).
public struct ApplyRecord: Codable, Sendable, Hashable {
    /// Overall result of the apply.
    public enum Outcome: String, Codable, Sendable, Hashable {
        case succeeded, failed, partial, nothingToDo = "nothing_to_do"
    }

    /// What happened to one resource.
    public struct ResourceResult: Codable, Sendable, Hashable {
        public enum Result: String, Codable, Sendable, Hashable { case ok, failed }
        /// `tenant/stream[/consumer]`.
        public var address: String
        /// The plan action (create, update, replace, delete).
        public var action: String
        public var result: Result
        /// The error, for a failed one (never a secret: server answers and resource paths only).
        public var message: String?

        public init(address: String, action: String, result: Result, message: String? = nil) {
            self.address = address
            self.action = action
            self.result = result
            self.message = message
        }
    }

    /// Counts of the plan that was applied.
    public struct Counts: Codable, Sendable, Hashable {
        public var create: Int
        public var update: Int
        public var replace: Int
        public var delete: Int
        public var failed: Int

        public init(create: Int = 0, update: Int = 0, replace: Int = 0, delete: Int = 0, failed: Int = 0) {
            self.create = create
            self.update = update
            self.replace = replace
            self.delete = delete
            self.failed = failed
        }
    }

    /// Unique, sortable: `20261129T005407123Z-1a2b3c4d`.
    public var id: String
    public var time: Date
    public var environment: String
    public var profilePath: String
    /// SHA-256 (hex) of the profile text(s) applied.
    public var profileHash: String
    public var `operator`: String
    public var summary: Counts
    public var results: [ResourceResult]
    public var durationSeconds: Double
    public var outcome: Outcome

    public init(
        id: String? = nil, time: Date, environment: String, profilePath: String, profileHash: String,
        operator: String = PersonAtKeyboard.current(), summary: Counts, results: [ResourceResult],
        durationSeconds: Double, outcome: Outcome
    ) {
        self.id = id ?? ApplyRecord.makeID(time: time)
        self.time = time
        self.environment = environment
        self.profilePath = profilePath
        self.profileHash = profileHash
        self.operator = `operator`
        self.summary = summary
        self.results = results
        self.durationSeconds = durationSeconds
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case id, time, environment, summary, results, outcome
        case profilePath = "profile_path"
        case profileHash = "profile_hash"
        case `operator` = "operator"
        case durationSeconds = "duration_seconds"
    }

    /// UTC timestamp to the millisecond plus 8 random hex digits: sorts by time, never collides in practice.
    public static func makeID(time: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmssSSS'Z'"
        let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
        return formatter.string(from: time) + "-" + String(repeating: "0", count: 8 - suffix.count) + suffix
    }

    /// A new encoder (callers may change its formatting): RFC 3339 dates with milliseconds.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601DateFormatter.withFractionalSeconds.string(from: date))
        }
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = ISO8601DateFormatter.withFractionalSeconds.date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 time: \(text)"))
            }
            return date
        }
        return decoder
    }
}
