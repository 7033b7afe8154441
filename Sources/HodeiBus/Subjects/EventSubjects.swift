/// Maps event kinds to subjects under a prefix: `hodei.events` + `.` + `job.created`.
/// The prefix is configurable (e.g. per tenant: `acme.hodei.events`).
public struct EventSubjects: Sendable, Hashable {
    public static let defaultPrefix = "hodei.events"

    public let prefix: String
    /// Indexed by `EventKind.index`; built once so publishing does no string work.
    private let subjects: [String]

    public init(prefix: String = EventSubjects.defaultPrefix) throws(EventBusError) {
        try SubjectSyntax.validateSubject(prefix)
        self.prefix = prefix
        self.subjects = EventKind.allCases.map { "\(prefix).\($0.rawValue)" }
    }

    public func subject(for kind: EventKind) -> String {
        subjects[kind.index]
    }

    /// The kind whose subject this is, or nil for a subject outside the twelve.
    public func kind(ofSubject subject: String) -> EventKind? {
        guard subject.count > prefix.count + 1, subject.hasPrefix(prefix),
              subject[subject.index(subject.startIndex, offsetBy: prefix.count)] == "." else { return nil }
        return EventKind(rawValue: String(subject.dropFirst(prefix.count + 1)))
    }

    /// Filter matching every event under the prefix (`hodei.events.>`), e.g. a stream's subjects.
    public var everything: SubjectFilter {
        // Safe: the prefix was validated as a subject, and `>` is a valid last token.
        try! SubjectFilter("\(prefix).>")
    }
}
