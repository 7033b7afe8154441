/// `nats.limits` of an account JWT (nats-io/jwt `OperatorLimits`). The defaults match
/// `NewAccountClaims`: connection limits unlimited (-1), wildcard exports allowed, JetStream off.
public struct AccountLimits: Sendable, Equatable {
    public var subscriptions: Int64
    public var data: Int64
    public var payload: Int64
    public var imports: Int64
    public var exports: Int64
    public var wildcardExports: Bool
    public var disallowBearer: Bool
    public var connections: Int64
    public var leafNodeConnections: Int64
    public var jetStream: JetStreamLimits

    public init(
        subscriptions: Int64 = -1, data: Int64 = -1, payload: Int64 = -1, imports: Int64 = -1,
        exports: Int64 = -1, wildcardExports: Bool = true, disallowBearer: Bool = false, connections: Int64 = -1,
        leafNodeConnections: Int64 = -1, jetStream: JetStreamLimits = .disabled
    ) {
        self.subscriptions = subscriptions
        self.data = data
        self.payload = payload
        self.imports = imports
        self.exports = exports
        self.wildcardExports = wildcardExports
        self.disallowBearer = disallowBearer
        self.connections = connections
        self.leafNodeConnections = leafNodeConnections
        self.jetStream = jetStream
    }

    /// Go order: NatsLimits (subs, data, payload), AccountLimits (imports, exports, wildcards,
    /// disallow_bearer, conn, leaf), JetStreamLimits.
    var json: JSONValue {
        var object = GoObject()
        object.omitEmpty("subs", subscriptions)
        object.omitEmpty("data", data)
        object.omitEmpty("payload", payload)
        object.omitEmpty("imports", imports)
        object.omitEmpty("exports", exports)
        object.omitEmpty("wildcards", wildcardExports)
        object.omitEmpty("disallow_bearer", disallowBearer)
        object.omitEmpty("conn", connections)
        object.omitEmpty("leaf", leafNodeConnections)
        jetStream.write(into: &object)
        return object.value
    }

    init(json: JSONValue?) {
        self.init(
            subscriptions: json?["subs"]?.intValue ?? 0,
            data: json?["data"]?.intValue ?? 0,
            payload: json?["payload"]?.intValue ?? 0,
            imports: json?["imports"]?.intValue ?? 0,
            exports: json?["exports"]?.intValue ?? 0,
            wildcardExports: json?["wildcards"]?.boolValue ?? false,
            disallowBearer: json?["disallow_bearer"]?.boolValue ?? false,
            connections: json?["conn"]?.intValue ?? 0,
            leafNodeConnections: json?["leaf"]?.intValue ?? 0,
            jetStream: JetStreamLimits(json: json))
    }
}
