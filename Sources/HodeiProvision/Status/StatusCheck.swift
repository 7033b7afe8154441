import HodeiProfile

/// `status` for a profile: connect per tenant (the profile's admin identities, or `connector`),
/// read, compare against the thresholds.
public struct StatusCheck: Sendable {
    public let profile: Profile
    public let connector: any TenantConnector
    public let requestTimeout: Duration

    public init(profile: Profile, connector: (any TenantConnector)? = nil, requestTimeout: Duration = .seconds(5)) {
        self.profile = profile
        self.connector = connector ?? ProfileTenantConnector(profile: profile)
        self.requestTimeout = requestTimeout
    }

    /// Reads the tenants `targets` names (all the profile's when empty) and judges them.
    public func run(thresholds: StatusThresholds, targets: [String] = []) async -> StatusReport {
        let sessions = TenantSessions(connector: connector, requestTimeout: requestTimeout,
                                      domain: profile.cluster?.jetstream.domain)
        let tenants = profile.tenants.map(\.name).filter { targets.isEmpty || targets.contains($0) }
        let statuses = await StatusReader(sessions: sessions).read(tenants: tenants)
        await sessions.closeAll()
        return StatusReport(environment: profile.environment, tenants: statuses, thresholds: thresholds)
    }
}
