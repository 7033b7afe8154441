/// Something that happened to a connection, from libnats' callbacks.
public enum NATSConnectionEvent: Sendable, Equatable {
    case disconnected
    case reconnected
    /// The connection is closed for good; the last event.
    case closed
}

/// The events of one connection as an `AsyncSequence`. It sees only events after it was created,
/// (closing a connected connection yields `.disconnected` then `.closed`)
/// and ends after `.closed` or when the iterating task is cancelled.
public struct NATSConnectionEvents: AsyncSequence, Sendable {
    public typealias Element = NATSConnectionEvent
    let stream: AsyncStream<NATSConnectionEvent>

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<NATSConnectionEvent>.AsyncIterator
        public mutating func next() async -> NATSConnectionEvent? { await base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: stream.makeAsyncIterator()) }
}
