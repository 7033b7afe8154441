import HodeiPlan

/// Reads what `status` shows, per tenant, through each tenant's admin connection: `$JS.API.INFO`
/// (usage and limits), `STREAM.LIST` (fill, limits, cluster) and `CONSUMER.LIST` of every stream.
/// Only reads: nothing is ever changed. Tenants are read concurrently; one that fails carries its
/// error and the others are still read.
public struct StatusReader: Sendable {
    public let sessions: TenantSessions

    public init(sessions: TenantSessions) {
        self.sessions = sessions
    }

    public func read(tenants: [String]) async -> [TenantStatus] {
        let statuses = await withTaskGroup(of: TenantStatus.self) { group in
            for tenant in Set(tenants) {
                group.addTask { await readTenant(tenant) }
            }
            var all: [TenantStatus] = []
            for await status in group { all.append(status) }
            return all
        }
        let order = Dictionary(tenants.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return statuses.sorted { (order[$0.name] ?? 0) < (order[$1.name] ?? 0) }
    }

    public func readTenant(_ tenant: String) async -> TenantStatus {
        do {
            let admin = try await sessions.admin(for: tenant)
            let account = AccountUsage(try await admin.accountInfo())
            var entries: [StreamClusterPage.Entry] = []
            var offset = 0
            while true {
                let page = try await admin.call("STREAM.LIST", resource: tenant, body: ["offset": .int(Int64(offset))],
                                                as: StreamClusterPage.self)
                entries += page.streams ?? []
                guard let next = page.nextOffset, next > offset else { break }
                offset = next
            }
            var streams: [StreamStatus] = []
            for entry in entries.sorted(by: { $0.config.name < $1.config.name }) {
                let consumers = try await admin.consumers(of: entry.config.name).map(ConsumerStatus.init)
                streams.append(StreamStatus(entry, consumers: consumers))
            }
            return TenantStatus(name: tenant, account: account, streams: streams)
        } catch {
            return TenantStatus(name: tenant, account: nil, streams: [], error: "\(error)")
        }
    }
}
