import Foundation

/// Errors of the event bus. A struct with a code, not an enum, so backends can add codes without a
/// breaking change (as async-http-client's `HTTPClientError`). Compare with `error.code == .closed`.
/// `context` says where (subject, `tenant/stream/consumer`, variable name), `message` what went
/// wrong and `hint` how to fix it. Never carries secrets.
public struct EventBusError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The bus was closed; nothing more can be published or subscribed.
        public static let closed = Code("closed")
        public static let invalidSubject = Code("invalidSubject")
        public static let invalidFilter = Code("invalidFilter")
        public static let invalidGroup = Code("invalidGroup")
        public static let encodingFailed = Code("encodingFailed")
        /// A message on the bus is not a valid `SystemEvent`; it is terminated, not redelivered.
        public static let decodingFailed = Code("decodingFailed")
        /// The configured backend is not built into this version.
        public static let backendUnavailable = Code("backendUnavailable")
        /// The backend refused or failed to store an event.
        public static let publishFailed = Code("publishFailed")
        public static let timeout = Code("timeout")
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// Ack/nak/term on a delivery whose subscription has ended.
        public static let deliveryExpired = Code("deliveryExpired")
    }

    public let code: Code
    public let context: String
    public let message: String
    public let hint: String?

    public init(code: Code, context: String, message: String, hint: String? = nil) {
        self.code = code
        self.context = context
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(context): \(message)" + (hint.map { ". \($0)" } ?? "")
    }

    public static func closed(_ bus: String) -> EventBusError {
        EventBusError(code: .closed, context: bus, message: "the event bus is closed",
                      hint: "create a new bus with EventBusFactory.create(_:)")
    }

    public static func invalidSubject(_ subject: String, reason: String) -> EventBusError {
        EventBusError(code: .invalidSubject, context: "subject '\(subject)'", message: reason,
                      hint: "use dot-separated tokens of letters, digits, '-' or '_', e.g. hodei.events")
    }

    public static func invalidFilter(_ filter: String, reason: String) -> EventBusError {
        EventBusError(code: .invalidFilter, context: "filter '\(filter)'", message: reason,
                      hint: "use dot-separated tokens; '*' matches one token, '>' (last only) the rest, e.g. hodei.events.job.*")
    }

    public static func invalidGroup(_ group: String, reason: String) -> EventBusError {
        EventBusError(code: .invalidGroup, context: "group '\(group)'", message: reason,
                      hint: "use 1-64 characters of letters, digits, '-' or '_', e.g. job-processors")
    }

    public static func encodingFailed(eventId: UUID, reason: String) -> EventBusError {
        EventBusError(code: .encodingFailed, context: "event \(eventId.uuidString.lowercased())", message: reason)
    }

    public static func decodingFailed(subject: String?, reason: String) -> EventBusError {
        EventBusError(code: .decodingFailed, context: subject.map { "message on '\($0)'" } ?? "message",
                      message: "not a valid SystemEvent: \(reason)",
                      hint: "the publisher must send the JSON format of docs/events.md")
    }

    public static func backendUnavailable(_ backend: String, reason: String, hint: String) -> EventBusError {
        EventBusError(code: .backendUnavailable, context: "event bus '\(backend)'", message: reason, hint: hint)
    }
}
