/// `$JS.API.INFO`: the account's JetStream usage, limits and the server's API level.
public struct AccountInfo: Codable, Sendable, Hashable {
    public var memory: UInt64
    public var storage: UInt64
    public var streams: Int
    public var consumers: Int
    public var limits: AccountLimits
    public var api: APIStats
    public var domain: String?

    public init(
        memory: UInt64 = 0, storage: UInt64 = 0, streams: Int = 0, consumers: Int = 0,
        limits: AccountLimits = AccountLimits(), api: APIStats = APIStats(), domain: String? = nil
    ) {
        self.memory = memory
        self.storage = storage
        self.streams = streams
        self.consumers = consumers
        self.limits = limits
        self.api = api
        self.domain = domain
    }

    enum CodingKeys: String, CodingKey { case memory, storage, streams, consumers, limits, api, domain }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        memory = try c.decodeIfPresent(UInt64.self, forKey: .memory) ?? 0
        storage = try c.decodeIfPresent(UInt64.self, forKey: .storage) ?? 0
        streams = try c.decodeIfPresent(Int.self, forKey: .streams) ?? 0
        consumers = try c.decodeIfPresent(Int.self, forKey: .consumers) ?? 0
        limits = try c.decodeIfPresent(AccountLimits.self, forKey: .limits) ?? AccountLimits()
        api = try c.decodeIfPresent(APIStats.self, forKey: .api) ?? APIStats()
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
    }
}

/// JetStream account limits; -1 means unlimited.
public struct AccountLimits: Codable, Sendable, Hashable {
    public var maxMemory: Int64
    public var maxStorage: Int64
    public var maxStreams: Int
    public var maxConsumers: Int
    public var maxAckPending: Int
    public var memoryMaxStreamBytes: Int64
    public var storageMaxStreamBytes: Int64
    public var maxBytesRequired: Bool

    public init(
        maxMemory: Int64 = -1, maxStorage: Int64 = -1, maxStreams: Int = -1, maxConsumers: Int = -1,
        maxAckPending: Int = -1, memoryMaxStreamBytes: Int64 = -1, storageMaxStreamBytes: Int64 = -1,
        maxBytesRequired: Bool = false
    ) {
        self.maxMemory = maxMemory
        self.maxStorage = maxStorage
        self.maxStreams = maxStreams
        self.maxConsumers = maxConsumers
        self.maxAckPending = maxAckPending
        self.memoryMaxStreamBytes = memoryMaxStreamBytes
        self.storageMaxStreamBytes = storageMaxStreamBytes
        self.maxBytesRequired = maxBytesRequired
    }

    enum CodingKeys: String, CodingKey {
        case maxMemory = "max_memory"
        case maxStorage = "max_storage"
        case maxStreams = "max_streams"
        case maxConsumers = "max_consumers"
        case maxAckPending = "max_ack_pending"
        case memoryMaxStreamBytes = "memory_max_stream_bytes"
        case storageMaxStreamBytes = "storage_max_stream_bytes"
        case maxBytesRequired = "max_bytes_required"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        maxMemory = try c.decodeIfPresent(Int64.self, forKey: .maxMemory) ?? -1
        maxStorage = try c.decodeIfPresent(Int64.self, forKey: .maxStorage) ?? -1
        maxStreams = try c.decodeIfPresent(Int.self, forKey: .maxStreams) ?? -1
        maxConsumers = try c.decodeIfPresent(Int.self, forKey: .maxConsumers) ?? -1
        maxAckPending = try c.decodeIfPresent(Int.self, forKey: .maxAckPending) ?? -1
        memoryMaxStreamBytes = try c.decodeIfPresent(Int64.self, forKey: .memoryMaxStreamBytes) ?? -1
        storageMaxStreamBytes = try c.decodeIfPresent(Int64.self, forKey: .storageMaxStreamBytes) ?? -1
        maxBytesRequired = try c.decodeIfPresent(Bool.self, forKey: .maxBytesRequired) ?? false
    }
}

/// API request counters and, from server 2.10 on, the JetStream API level (absent on 2.9).
public struct APIStats: Codable, Sendable, Hashable {
    public var total: Int
    public var errors: Int
    public var level: Int?

    public init(total: Int = 0, errors: Int = 0, level: Int? = nil) {
        self.total = total
        self.errors = errors
        self.level = level
    }

    enum CodingKeys: String, CodingKey { case total, errors, level }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decodeIfPresent(Int.self, forKey: .total) ?? 0
        errors = try c.decodeIfPresent(Int.self, forKey: .errors) ?? 0
        level = try c.decodeIfPresent(Int.self, forKey: .level)
    }
}
