import NATSClient
import Synchronization

/// Shared by a bus and its subscriptions: whether the bus is closed, and a generation that grows
/// on every reconnect (a subscription then checks its broadcast consumer still exists: ephemeral
/// consumers do not survive a server restart).
final class NatsConnectionWatch: Sendable {
    private let closedFlag = Atomic<Bool>(false)
    private let reconnects = Atomic<UInt64>(0)

    var isClosed: Bool { closedFlag.load(ordering: .acquiring) }
    var generation: UInt64 { reconnects.load(ordering: .acquiring) }

    /// Marks closed; true for the first caller only.
    func close() -> Bool {
        !closedFlag.exchange(true, ordering: .acquiringAndReleasing)
    }

    /// Follows the connection's events until it closes.
    func follow(_ events: NATSConnectionEvents) -> Task<Void, Never> {
        Task { [self] in
            for await event in events where event == .reconnected {
                reconnects.add(1, ordering: .releasing)
            }
        }
    }
}
