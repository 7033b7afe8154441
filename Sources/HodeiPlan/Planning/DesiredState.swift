/// What the profile declares, per tenant. The integrator maps a validated profile to this.
public struct DesiredState: Sendable, Hashable {
    /// The profile's environment name; written into every managed resource's ownership marker.
    public var environment: String
    public var tenants: [DesiredTenant]

    public init(environment: String, tenants: [DesiredTenant]) {
        self.environment = environment
        self.tenants = tenants
    }
}

public struct DesiredTenant: Sendable, Hashable {
    public var name: String
    public var streams: [DesiredStream]

    public init(name: String, streams: [DesiredStream]) {
        self.name = name
        self.streams = streams
    }
}

public struct DesiredStream: Sendable, Hashable {
    /// The config as the profile states it; the planner adds the ownership marker.
    public var config: StreamConfig
    /// Never delete or replace this stream, whatever the flags.
    public var preventDelete: Bool
    public var consumers: [DesiredConsumer]

    public init(config: StreamConfig, preventDelete: Bool = false, consumers: [DesiredConsumer] = []) {
        self.config = config
        self.preventDelete = preventDelete
        self.consumers = consumers
    }

    public var name: String { config.name ?? "" }
}

public struct DesiredConsumer: Sendable, Hashable {
    /// Must set `durable_name` (a consumer with only `name` is ephemeral on the server and would be
    /// planned for replacement on every run).
    public var config: ConsumerConfig
    /// Never delete or replace this consumer, whatever the flags.
    public var preventDelete: Bool

    public init(config: ConsumerConfig, preventDelete: Bool = false) {
        self.config = config
        self.preventDelete = preventDelete
    }

    public var name: String { config.resolvedName ?? "" }
}
