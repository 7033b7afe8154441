import HodeiPlan
import HodeiProfile

/// What `export` writes a profile from: live streams per tenant, plus (when exporting through a
/// profile) that profile's connection, auth, limits and users, which a server cannot tell.
public struct ExportInput: Sendable {
    public var environment: String
    public var serverURLs: [String]
    /// The profile used to connect, if any: its servers, tls, auth, cluster, bus, tenant limits and
    /// users are carried over (paths as resolved, so the export works from any directory).
    public var profile: Profile?
    public var tenants: [ExportTenant]

    public init(environment: String, serverURLs: [String], profile: Profile? = nil, tenants: [ExportTenant]) {
        self.environment = environment
        self.serverURLs = serverURLs
        self.profile = profile
        self.tenants = tenants
    }
}

/// One tenant's live streams (with their consumers), in the order they are written.
public struct ExportTenant: Sendable {
    public var name: String
    public var streams: [ActualStream]

    public init(name: String, streams: [ActualStream]) {
        self.name = name
        self.streams = streams
    }
}

/// The exported profile text and what could not be carried into it.
public struct ExportResult: Sendable {
    public var text: String
    /// Fields or streams left out, each with its resource path and why.
    public var notes: [String]
}
