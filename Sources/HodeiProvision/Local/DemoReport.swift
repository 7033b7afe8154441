import Foundation

/// What `demo --format json` prints: the route taken and the round trip's outcome, with stable
/// snake_case field names (`format_version` changes only when a field's meaning does).
public struct DemoReport: Encodable, Sendable {
    public static let formatVersion = 1

    public let route: DemoRoute
    public let publisherConfig: String
    public let consumerConfig: String
    public let outcome: EventRoundTrip.Outcome

    public init(route: DemoRoute, publisherConfig: String, consumerConfig: String, outcome: EventRoundTrip.Outcome) {
        self.route = route
        self.publisherConfig = publisherConfig
        self.consumerConfig = consumerConfig
        self.outcome = outcome
    }

    /// The round trip in whole milliseconds, as the text output prints it.
    public var roundTripMilliseconds: Int64 {
        outcome.elapsed.components.seconds * 1000 + outcome.elapsed.components.attoseconds / 1_000_000_000_000_000
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case tenant, publisher, subject, kind, stream, group
        case consumerUser = "consumer_user"
        case publisherConfig = "publisher_config"
        case consumerConfig = "consumer_config"
        case eventID = "event_id"
        case streamSequence = "stream_sequence"
        case receivedSubject = "received_subject"
        case drainedEarlier = "drained_earlier"
        case deliveries
        case roundTripMilliseconds = "round_trip_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(route.tenant, forKey: .tenant)
        try c.encode(route.publisher, forKey: .publisher)
        try c.encode(route.consumerUser, forKey: .consumerUser)
        try c.encode(route.subject, forKey: .subject)
        try c.encode(route.kind.rawValue, forKey: .kind)
        try c.encode(route.stream, forKey: .stream)
        try c.encode(route.consumer, forKey: .group)
        try c.encode(publisherConfig, forKey: .publisherConfig)
        try c.encode(consumerConfig, forKey: .consumerConfig)
        try c.encode(outcome.eventID, forKey: .eventID)
        try c.encode(outcome.streamSequence, forKey: .streamSequence)
        try c.encode(outcome.subject, forKey: .receivedSubject)
        try c.encode(outcome.drainedEarlier, forKey: .drainedEarlier)
        try c.encode(outcome.deliveries, forKey: .deliveries)
        try c.encode(roundTripMilliseconds, forKey: .roundTripMilliseconds)
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    public func json() throws -> Data { try ReportJSON.encode(self) }
}
