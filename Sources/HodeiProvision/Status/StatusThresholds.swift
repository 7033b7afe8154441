/// Limits that make `status` exit 2 when exceeded, like `nats server check`. nil = not checked.
public struct StatusThresholds: Sendable, Hashable {
    /// Most undelivered messages a consumer may have (`num_pending`).
    public var maxPending: UInt64?
    /// Most delivered-but-unacked messages a consumer may have (`num_ack_pending`).
    public var maxAckPending: Int?
    /// Most redelivered messages a consumer may have (`num_redelivered`).
    public var maxRedelivered: Int?
    /// Highest percentage of any limit in use: account memory/storage/streams/consumers and a
    /// stream's messages/bytes against `max_msgs`/`max_bytes`.
    public var maxUsagePercent: Double?
    /// Whether an unhealthy replica set (no leader, offline or lagging replica) counts.
    public var checkReplicas: Bool

    public init(maxPending: UInt64? = nil, maxAckPending: Int? = nil, maxRedelivered: Int? = nil,
                maxUsagePercent: Double? = nil, checkReplicas: Bool = true) {
        self.maxPending = maxPending
        self.maxAckPending = maxAckPending
        self.maxRedelivered = maxRedelivered
        self.maxUsagePercent = maxUsagePercent
        self.checkReplicas = checkReplicas
    }

    /// Parses `80%`, `80` or `72.5%` into a percentage in 0...100; nil when it is not one.
    public static func parsePercent(_ text: String) -> Double? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasSuffix("%") { body = body.dropLast() }
        guard let value = Double(body), value.isFinite, (0...100).contains(value) else { return nil }
        return value
    }
}
