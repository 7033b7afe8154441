/// What the live server can do, read from its INFO (`version`) and `$JS.API.INFO` (`api.level`).
public struct ServerCapabilities: Sendable, Hashable, Codable {
    public var version: ServerVersion
    /// JetStream API level (`api.level`, 2.10+); nil on older servers.
    public var apiLevel: Int?
    /// Servers in the JetStream cluster (1 when not clustered): the most replicas a stream or consumer can have.
    public var clusterSize: Int

    public init(version: ServerVersion, apiLevel: Int? = nil, clusterSize: Int = 1) {
        self.version = version
        self.apiLevel = apiLevel
        self.clusterSize = clusterSize
    }

    enum CodingKeys: String, CodingKey {
        case version
        case apiLevel = "api_level"
        case clusterSize = "cluster_size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(ServerVersion.self, forKey: .version)
        apiLevel = try c.decodeIfPresent(Int.self, forKey: .apiLevel)
        clusterSize = try c.decodeIfPresent(Int.self, forKey: .clusterSize) ?? 1
    }

    public func encode(to encoder: any Encoder) throws {
        // api_level always present (null on 2.9): a stable schema for scripts.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(apiLevel, forKey: .apiLevel)
        try c.encode(clusterSize, forKey: .clusterSize)
    }

    /// Stream and consumer `metadata` exist from 2.10; older servers silently drop the field.
    public var supportsMetadata: Bool { version >= ServerVersion(2, 10) }

    /// The consumer create `action` (create/update) exists from 2.10.
    public var supportsConsumerAction: Bool { version >= ServerVersion(2, 10) }
}
