import Foundation
import HodeiPlan
import HodeiProfile

/// The plan/apply pipeline for one profile: connect per tenant, work out the server's capabilities,
/// read the live state, plan, apply. `plan`, `apply`, `drift`, `destroy` and the benchmark share it.
/// Call `close()` when done (it closes the tenants' connections).
public struct Reconciler: Sendable {
    public let profile: Profile
    public let desired: DesiredState
    public let connector: any TenantConnector
    public let sessions: TenantSessions

    /// A planned run: the plan and the live state and capabilities it was computed from.
    public struct Planned: Sendable {
        public var plan: Plan
        public var actual: ActualState
        public var capabilities: ServerCapabilities
        /// `sha256:` of the desired state (what the profile declares, after extends/defaults).
        public var profileHash: String

        /// The plan file for `plan --out`.
        public func planFile(createdAt: Date = Date()) -> PlanFile {
            PlanFile(plan: plan, actual: actual, profileHash: profileHash, createdAt: createdAt)
        }
    }

    /// `connector` defaults to the profile's own (`ProfileTenantConnector`).
    public init(profile: Profile, connector: (any TenantConnector)? = nil, requestTimeout: Duration = .seconds(5)) {
        self.profile = profile
        self.desired = DesiredStateBuilder.build(profile)
        let connector = connector ?? ProfileTenantConnector(profile: profile)
        self.connector = connector
        self.sessions = TenantSessions(connector: connector, requestTimeout: requestTimeout,
                                       domain: profile.cluster?.jetstream.domain)
    }

    /// The profile's tenants, limited to those `targets` name (all when empty).
    public func tenants(targets: [ResourceAddress] = []) -> [String] {
        desired.tenants.map(\.name).filter { name in targets.isEmpty || targets.contains { $0.tenant == name } }
    }

    /// Version (server INFO), API level (`$JS.API.INFO` of the first tenant that answers) and cluster size.
    /// Also tells the sessions whether consumer writes carry `action`.
    public func capabilities(tenants: [String]? = nil) async -> ServerCapabilities {
        var account: AccountInfo?
        for tenant in tenants ?? self.tenants() {
            if let info = try? await sessions.admin(for: tenant).accountInfo() {
                account = info
                break
            }
        }
        let (capabilities, _) = await ServerCapabilitiesReader(
            connector: connector, declaredClusterSize: profile.cluster?.nodes.count).capabilities(accountInfo: account)
        await sessions.setConsumerActions(capabilities.supportsConsumerAction)
        return capabilities
    }

    public func readActual(tenants: [String]) async -> ActualState {
        await ActualStateReader(sessions: sessions).read(tenants: tenants)
    }

    /// Connects, reads and plans. Nothing is changed on the servers.
    public func plan(options: PlanOptions = PlanOptions()) async -> Planned {
        let tenants = tenants(targets: options.targets)
        // The hash depends on the profile only: computed while the servers are read.
        async let hash = profileHash
        let capabilities = await capabilities(tenants: tenants)
        let actual = await readActual(tenants: tenants)
        let plan = Planner.plan(desired: desired, actual: actual, capabilities: capabilities, options: options)
        return Planned(plan: plan, actual: actual, capabilities: capabilities, profileHash: await hash)
    }

    /// Re-reads the live state a plan file was made from and lists what moved since (empty: apply it).
    public func verify(_ file: PlanFile) async -> [Drift] {
        let tenants = Set(file.fingerprints.keys.map(\.tenant)).sorted()
        let actual = await readActual(tenants: tenants)
        return file.verify(against: actual)
    }

    /// Executes the plan's executable steps.
    public func apply(_ plan: Plan, maxInFlight: Int = 8, reporter: (any ApplyReporter)? = nil) async -> ApplyReport {
        await sessions.setConsumerActions(plan.server.supportsConsumerAction)
        return await Applier(sessions: sessions, maxInFlight: maxInFlight, reporter: reporter).apply(plan)
    }

    public func close() async {
        await sessions.closeAll()
    }

    /// Fingerprint of the desired state: the same profile (whatever its file layout) hashes the same.
    public var profileHash: String {
        var tenants: [String: HodeiPlan.JSONValue] = [:]
        for tenant in desired.tenants {
            var streams: [String: HodeiPlan.JSONValue] = [:]
            for stream in tenant.streams {
                var consumers: [String: HodeiPlan.JSONValue] = [:]
                for consumer in stream.consumers {
                    consumers[consumer.name] = .object([
                        "config": .object(consumer.config.fields), "prevent_delete": .bool(consumer.preventDelete),
                    ])
                }
                streams[stream.name] = .object([
                    "config": .object(stream.config.fields), "prevent_delete": .bool(stream.preventDelete),
                    "consumers": .object(consumers),
                ])
            }
            tenants[tenant.name] = .object(streams)
        }
        return PlanFile.fingerprint(["environment": .string(desired.environment), "tenants": .object(tenants)])
    }
}
