/// JetStream limits of an account JWT. All zero = JetStream disabled for the account;
/// -1 = unlimited.
public struct JetStreamLimits: Sendable, Equatable {
    public var memoryStorage: Int64
    public var diskStorage: Int64
    public var streams: Int64
    public var consumers: Int64
    public var maxAckPending: Int64
    public var memoryMaxStreamBytes: Int64
    public var diskMaxStreamBytes: Int64
    /// Streams must declare max_bytes.
    public var maxBytesRequired: Bool

    public init(
        memoryStorage: Int64 = 0, diskStorage: Int64 = 0, streams: Int64 = 0, consumers: Int64 = 0,
        maxAckPending: Int64 = 0, memoryMaxStreamBytes: Int64 = 0, diskMaxStreamBytes: Int64 = 0,
        maxBytesRequired: Bool = false
    ) {
        self.memoryStorage = memoryStorage
        self.diskStorage = diskStorage
        self.streams = streams
        self.consumers = consumers
        self.maxAckPending = maxAckPending
        self.memoryMaxStreamBytes = memoryMaxStreamBytes
        self.diskMaxStreamBytes = diskMaxStreamBytes
        self.maxBytesRequired = maxBytesRequired
    }

    public static let disabled = JetStreamLimits()
    public static let unlimited = JetStreamLimits(memoryStorage: -1, diskStorage: -1, streams: -1, consumers: -1)

    public var isEnabled: Bool { memoryStorage != 0 || diskStorage != 0 }

    func write(into object: inout GoObject) {
        object.omitEmpty("mem_storage", memoryStorage)
        object.omitEmpty("disk_storage", diskStorage)
        object.omitEmpty("streams", streams)
        object.omitEmpty("consumer", consumers)
        object.omitEmpty("max_ack_pending", maxAckPending)
        object.omitEmpty("mem_max_stream_bytes", memoryMaxStreamBytes)
        object.omitEmpty("disk_max_stream_bytes", diskMaxStreamBytes)
        object.omitEmpty("max_bytes_required", maxBytesRequired)
    }

    init(json: JSONValue?) {
        self.init(
            memoryStorage: json?["mem_storage"]?.intValue ?? 0,
            diskStorage: json?["disk_storage"]?.intValue ?? 0,
            streams: json?["streams"]?.intValue ?? 0,
            consumers: json?["consumer"]?.intValue ?? 0,
            maxAckPending: json?["max_ack_pending"]?.intValue ?? 0,
            memoryMaxStreamBytes: json?["mem_max_stream_bytes"]?.intValue ?? 0,
            diskMaxStreamBytes: json?["disk_max_stream_bytes"]?.intValue ?? 0,
            maxBytesRequired: json?["max_bytes_required"]?.boolValue ?? false)
    }
}
