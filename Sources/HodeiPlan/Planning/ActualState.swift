/// What the live servers hold, per tenant. The integrator reads it with each tenant's admin identity.
/// A tenant missing from `tenants` is treated as holding no streams.
public struct ActualState: Sendable, Hashable {
    public var tenants: [String: ActualTenant]

    public init(tenants: [String: ActualTenant] = [:]) {
        self.tenants = tenants
    }
}

/// One tenant's streams, or why they could not be read (other tenants are still planned).
public enum ActualTenant: Sendable, Hashable {
    case streams([ActualStream])
    case unreadable(String)
}

public struct ActualStream: Sendable, Hashable {
    public var info: StreamInfo
    public var consumers: [ConsumerInfo]

    public init(info: StreamInfo, consumers: [ConsumerInfo] = []) {
        self.info = info
        self.consumers = consumers
    }

    public var name: String { info.config.name ?? "" }
}
