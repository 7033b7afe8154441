import HodeiPlan

/// A tenant account's JetStream usage against its limits (`$JS.API.INFO`).
public struct AccountUsage: Sendable, Hashable, Codable {
    public var memory: UsageFigure
    public var storage: UsageFigure
    public var streams: UsageFigure
    public var consumers: UsageFigure

    public init(memory: UsageFigure, storage: UsageFigure, streams: UsageFigure, consumers: UsageFigure) {
        self.memory = memory
        self.storage = storage
        self.streams = streams
        self.consumers = consumers
    }

    public init(_ info: AccountInfo) {
        memory = UsageFigure(used: info.memory, serverLimit: info.limits.maxMemory)
        storage = UsageFigure(used: info.storage, serverLimit: info.limits.maxStorage)
        streams = UsageFigure(used: UInt64(max(0, info.streams)), serverLimit: Int64(info.limits.maxStreams))
        consumers = UsageFigure(used: UInt64(max(0, info.consumers)), serverLimit: Int64(info.limits.maxConsumers))
    }

    /// The figures with their names, in display order.
    public var named: [(name: String, figure: UsageFigure)] {
        [("memory", memory), ("storage", storage), ("streams", streams), ("consumers", consumers)]
    }
}
