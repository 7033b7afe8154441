import HodeiPlan
import HodeiProfile

/// Reads what `export` writes: the live streams of each tenant, through a profile's identities or
/// straight from a server URL (one account, named `tenant` in the export).
public enum LiveExport {
    /// Every tenant of the reconciler's profile, as that tenant's hodei-admin sees it.
    /// `errors` names the tenants that could not be read (they are exported without streams).
    public static func read(_ reconciler: Reconciler) async -> (input: ExportInput, errors: [String]) {
        let names = reconciler.profile.tenants.map(\.name)
        let actual = await reconciler.readActual(tenants: names)
        let (tenants, errors) = collect(names, actual)
        return (ExportInput(environment: reconciler.profile.environment, serverURLs: reconciler.profile.servers.urls,
                            profile: reconciler.profile, tenants: tenants), errors)
    }

    /// The account `connector` reaches at `urls`, exported as tenant `tenant` of `environment`.
    public static func read(urls: [String], tenant: String, environment: String, connector: any TenantConnector)
        async -> (input: ExportInput, errors: [String])
    {
        let sessions = TenantSessions(connector: connector)
        let actual = await ActualStateReader(sessions: sessions).read(tenants: [tenant])
        await sessions.closeAll()
        let (tenants, errors) = collect([tenant], actual)
        return (ExportInput(environment: environment, serverURLs: urls, tenants: tenants), errors)
    }

    private static func collect(_ names: [String], _ actual: ActualState) -> ([ExportTenant], [String]) {
        var tenants: [ExportTenant] = []
        var errors: [String] = []
        for name in names {
            switch actual.tenants[name] {
            case .streams(let streams)?:
                tenants.append(ExportTenant(name: name, streams: streams))
            case .unreadable(let reason)?:
                errors.append("\(name): \(reason)")
                tenants.append(ExportTenant(name: name, streams: []))
            case nil:
                errors.append("\(name): not read")
                tenants.append(ExportTenant(name: name, streams: []))
            }
        }
        return (tenants, errors)
    }
}
