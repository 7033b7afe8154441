/// What a planned resource is: a stream, a consumer, or a whole tenant (only for tenant-level errors).
public enum ResourceKind: String, Sendable, Hashable, Codable {
    case tenant, stream, consumer
}
