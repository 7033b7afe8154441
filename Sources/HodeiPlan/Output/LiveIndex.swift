/// Live configs by address, built once per verification (linear in the number of resources).
struct LiveIndex {
    var configs: [ResourceAddress: [String: JSONValue]] = [:]
    var unreadableTenants: Set<String> = []

    init(_ actual: ActualState) {
        for (tenant, state) in actual.tenants {
            switch state {
            case .unreadable:
                unreadableTenants.insert(tenant)
            case .streams(let streams):
                for stream in streams {
                    let streamAddress = ResourceAddress(tenant: tenant, stream: stream.name)
                    configs[streamAddress] = stream.info.config.fields
                    for consumer in stream.consumers {
                        configs[ResourceAddress(tenant: tenant, stream: stream.name, consumer: consumer.name)] =
                            consumer.config.fields
                    }
                }
            }
        }
    }

    func fingerprint(_ address: ResourceAddress) -> String {
        if unreadableTenants.contains(address.tenant) { return PlanFile.unreadable }
        if address.kind == nil { return "tenant" }
        return configs[address].map(PlanFile.fingerprint) ?? PlanFile.absent
    }
}
