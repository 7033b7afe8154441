import HodeiPlan
import NATSClient

/// One admin connection per tenant for the length of a plan or apply, opened on first use and
/// shared by the reader and the applier; `closeAll()` ends them.
public actor TenantSessions {
    public let connector: any TenantConnector
    public let requestTimeout: Duration
    /// JetStream domain of the profile's cluster, if any.
    public let domain: String?
    /// Consumer writes carry `action` (set from the server capabilities once known).
    public var usesConsumerActions: Bool

    private var opening: [String: Task<NATSConnection, any Error>] = [:]

    public init(connector: any TenantConnector, requestTimeout: Duration = .seconds(5), domain: String? = nil,
                usesConsumerActions: Bool = true) {
        self.connector = connector
        self.requestTimeout = requestTimeout
        self.domain = domain
        self.usesConsumerActions = usesConsumerActions
    }

    public func setConsumerActions(_ enabled: Bool) { usesConsumerActions = enabled }

    /// The admin client of `tenant`; connects once (concurrent callers share the attempt).
    public func admin(for tenant: String) async throws -> JetStreamAdmin {
        let task: Task<NATSConnection, any Error>
        if let existing = opening[tenant] {
            task = existing
        } else {
            let connector = self.connector
            task = Task { () async throws -> NATSConnection in try await connector.connect(tenant: tenant) }
            opening[tenant] = task
        }
        let connection = try await task.value
        return JetStreamAdmin(connection: connection, tenant: tenant, domain: domain, timeout: requestTimeout,
                              usesConsumerActions: usesConsumerActions)
    }

    /// Closes every connection opened so far.
    public func closeAll() async {
        let tasks = opening.values
        opening = [:]
        for task in tasks {
            if let connection = try? await task.value { await connection.close() }
        }
    }
}
