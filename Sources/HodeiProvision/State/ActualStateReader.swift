import HodeiPlan

/// Reads what the servers hold, per tenant: every stream (`STREAM.LIST`) and every consumer of each
/// (`CONSUMER.LIST`), all pages. Tenants are read concurrently; a tenant that cannot be read becomes
/// `.unreadable(reason)` and the others are still read.
public struct ActualStateReader: Sendable {
    public let sessions: TenantSessions
    /// `CONSUMER.LIST` requests in flight at once per tenant (each tenant has its own connection).
    public let listsInFlight: Int

    public init(sessions: TenantSessions, listsInFlight: Int = 32) {
        self.sessions = sessions
        self.listsInFlight = max(1, listsInFlight)
    }

    public func read(tenants: [String]) async -> ActualState {
        await withTaskGroup(of: (String, ActualTenant).self) { group in
            for tenant in Set(tenants) {
                group.addTask { (tenant, await readTenant(tenant)) }
            }
            var state = ActualState()
            for await (tenant, actual) in group { state.tenants[tenant] = actual }
            return state
        }
    }

    public func readTenant(_ tenant: String) async -> ActualTenant {
        do {
            let admin = try await sessions.admin(for: tenant)
            let streams = try await admin.streams()
            // Consumers of each stream: a few lists in flight at once on the one connection.
            let consumers = try await withThrowingTaskGroup(of: (String, [ConsumerInfo]).self) { group in
                var byStream: [String: [ConsumerInfo]] = [:]
                var pending = streams.compactMap(\.config.name)[...]
                for _ in 0..<min(listsInFlight, pending.count) {
                    let name = pending.removeFirst()
                    group.addTask { (name, try await admin.consumers(of: name)) }
                }
                while let (name, list) = try await group.next() {
                    byStream[name] = list
                    if let next = pending.popFirst() {
                        group.addTask { (next, try await admin.consumers(of: next)) }
                    }
                }
                return byStream
            }
            return .streams(streams.map { ActualStream(info: $0, consumers: consumers[$0.config.name ?? ""] ?? []) })
        } catch {
            return .unreadable("\(error)")
        }
    }
}
