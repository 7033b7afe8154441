import Dispatch
import Metrics

/// The bus's swift-metrics instruments (names documented in docs/events.md#metrics), all with the
/// dimension `backend` (`inmemory`, `nats`). Created once per bus so the hot path only calls the
/// handlers. Pass a factory in (tests) or use the bootstrapped `MetricsSystem`.
public struct BusMetrics: Sendable {
    public static let publishedLabel = "hodei_bus_events_published_total"
    public static let publishFailedLabel = "hodei_bus_events_publish_failed_total"
    public static let acknowledgedLabel = "hodei_bus_events_acknowledged_total"
    public static let redeliveredLabel = "hodei_bus_events_redelivered_total"
    public static let terminatedLabel = "hodei_bus_events_terminated_total"
    public static let missedLabel = "hodei_bus_events_missed_total"
    public static let lagLabel = "hodei_bus_subscriber_lag_events"
    public static let publishDurationLabel = "hodei_bus_publish_duration"

    let published: Counter
    let publishFailed: Counter
    let acknowledged: Counter
    let redelivered: Counter
    let terminated: Counter
    /// Events dropped (oldest first) for subscribers that fell behind.
    let missed: Counter
    /// Total events lost so far by the most recently lagging subscriber (a broadcast "Lagged(n)").
    let lag: Gauge
    /// Time until `publish` returns (durable), per call (a batch is one call).
    let publishDuration: Timer

    public init(backend: String, factory: (any MetricsFactory)? = nil) {
        let dims = [("backend", backend)]
        let f = factory ?? MetricsSystem.factory
        published = Counter(label: Self.publishedLabel, dimensions: dims, factory: f)
        publishFailed = Counter(label: Self.publishFailedLabel, dimensions: dims, factory: f)
        acknowledged = Counter(label: Self.acknowledgedLabel, dimensions: dims, factory: f)
        redelivered = Counter(label: Self.redeliveredLabel, dimensions: dims, factory: f)
        terminated = Counter(label: Self.terminatedLabel, dimensions: dims, factory: f)
        missed = Counter(label: Self.missedLabel, dimensions: dims, factory: f)
        lag = Gauge(label: Self.lagLabel, dimensions: dims, factory: f)
        publishDuration = Timer(label: Self.publishDurationLabel, dimensions: dims, factory: f)
    }

    @inline(__always)
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    @inline(__always)
    func recordPublish(count: Int, since start: UInt64) {
        published.increment(by: count)
        publishDuration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds &- start))
    }
}
