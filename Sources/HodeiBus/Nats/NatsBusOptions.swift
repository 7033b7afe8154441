/// Tuning of `NatsBus` beyond what `NatsSettings` (where and who) says. Defaults suit production;
/// tests shorten `ackWait`, benchmarks change the fetch and window sizes.
public struct NatsBusOptions: Sendable, Hashable {
    /// Where a broadcast subscription (`subscribe(filter:)`) starts.
    public enum BroadcastStart: Sendable, Hashable {
        /// Only events stored after the subscription was created (as `InMemoryBus`, the default).
        case new
        /// Every event still in the stream, then new ones (replay).
        case all
    }

    /// How a missing stream is handled at connect.
    public enum StreamCreation: Sendable, Hashable {
        /// The stream must exist (provisioned by `hodei-provision apply`): connect fails otherwise.
        case requireExisting
        /// Create it if missing, subjects `<prefix>.>` (development, tests, demos). Never changes
        /// an existing stream.
        case createIfMissing(storage: Storage)
    }

    public enum Storage: String, Sendable, Hashable {
        case file, memory
    }

    /// Group consumers created by the bus: how long the server waits for an ack before redelivering.
    public var ackWait: Duration
    /// Group consumers created by the bus: deliveries per event before the server gives up.
    public var maxDeliver: Int
    /// Group consumers created by the bus: most unacked events outstanding across the group.
    public var maxAckPending: Int
    /// Most messages one fetch returns (one batch handed to the subscriber).
    public var fetchBatch: Int
    /// Long-poll duration of one fetch; also the bound on how long `cancel()` takes to end a wait.
    public var fetchExpiry: Duration
    /// Most unacknowledged publishes in flight in `publish(batch:)`.
    public var publishWindow: Int
    /// Broadcast consumers: the server deletes one idle this long (a crashed subscriber's leftover).
    public var inactiveThreshold: Duration
    public var broadcastStart: BroadcastStart
    public var streamCreation: StreamCreation
    /// Pause between reconnect attempts; the bus reconnects forever (until `close()`).
    public var reconnectWait: Duration
    /// Connection name shown by the server (`nats server report connections`).
    public var connectionName: String?

    public init(ackWait: Duration = .seconds(30), maxDeliver: Int = 5, maxAckPending: Int = 1_000,
                fetchBatch: Int = 256, fetchExpiry: Duration = .seconds(1), publishWindow: Int = 4_096,
                inactiveThreshold: Duration = .seconds(60), broadcastStart: BroadcastStart = .new,
                streamCreation: StreamCreation = .requireExisting, reconnectWait: Duration = .milliseconds(250),
                connectionName: String? = nil) {
        self.ackWait = ackWait
        self.maxDeliver = maxDeliver
        self.maxAckPending = maxAckPending
        self.fetchBatch = fetchBatch
        self.fetchExpiry = fetchExpiry
        self.publishWindow = publishWindow
        self.inactiveThreshold = inactiveThreshold
        self.broadcastStart = broadcastStart
        self.streamCreation = streamCreation
        self.reconnectWait = reconnectWait
        self.connectionName = connectionName
    }
}
