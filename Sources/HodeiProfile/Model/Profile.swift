/// The desired state of one environment, as declared by a profile after `extends`, `defaults` and
/// variables. Immutable; every value's source location is in `locations`.
public struct Profile: Sendable, Equatable {
    public let version: Int
    public let environment: String
    /// true for profiles meant only to be extended (`abstract: true`); they are never applied.
    public let isAbstract: Bool
    public let description: String?
    /// The file that was loaded, then the files it extends, nearest first.
    public let sourceFiles: [String]
    public let servers: Servers
    /// nil = plaintext.
    public let tls: TLS?
    public let auth: Auth
    public let cluster: Cluster?
    public let bus: Bus
    /// The `defaults` block as written (already merged into every tenant).
    public let defaults: Tenant?
    /// Sorted by name.
    public let tenants: [Tenant]
    /// Where every value was written.
    public let locations: ProfileLocations
    /// The effective document, kept for `explain`.
    let document: ProfileValue

    public var sourceFile: String { sourceFiles.first ?? "" }
    public var isDev: Bool { environment == "dev" }
    public var isPlaintext: Bool { tls?.isEnabled != true }

    public func tenant(named name: String) -> Tenant? { tenants.first { $0.name == name } }

    /// The location of a key path, or of its nearest written ancestor.
    public func location(of keyPath: String) -> SourceLocation? { locations.nearest(keyPath) }

    public struct Servers: Sendable, Equatable {
        public let urls: [String]
        public let connectTimeout: Int64
        public let reconnectWait: Int64
        public let maxReconnects: Int64
        public let requires: ServerVersion?
    }

    public struct TLS: Sendable, Equatable {
        public let ca: ProfilePath?
        public let cert: ProfilePath?
        public let key: ProfilePath?
        public let verifyClients: Bool
        public let serverNames: [String]
        public let allowPlaintext: Bool
        public let checkFiles: Bool

        /// TLS is on when a CA or a certificate is configured.
        public var isEnabled: Bool { ca != nil || cert != nil }
    }

    public enum AuthMode: String, Sendable, Equatable {
        case `operator`
        case accounts
    }

    public struct Auth: Sendable, Equatable {
        public let mode: AuthMode
        public let secretsDir: ProfilePath?
    }

    public struct Cluster: Sendable, Equatable {
        public let name: String
        public let nodes: [String]
        public let jetstream: JetStream
    }

    public struct JetStream: Sendable, Equatable {
        public let storeDir: String?
        public let maxFile: Int64?
        public let maxMem: Int64?
        public let domain: String?
    }

    public enum BusType: String, Sendable, Equatable {
        case nats
        case inmemory
    }

    public struct Bus: Sendable, Equatable {
        public let type: BusType
        public let capacity: Int
        public let stream: String
        public let subjectPrefix: String
    }
}

/// A file path as written, and resolved against the directory of the profile that wrote it.
public struct ProfilePath: Sendable, Equatable, CustomStringConvertible {
    public let written: String
    public let resolved: String
    public var description: String { written }
}

/// Key path → where it was written. Key paths are dotted: `tenants.acme.streams.HODEI_EVENTS.max_age`,
/// list items `servers.urls[1]`.
public struct ProfileLocations: Sendable, Equatable {
    public let table: [String: SourceLocation]

    public init(_ table: [String: SourceLocation]) { self.table = table }

    public subscript(keyPath: String) -> SourceLocation? { table[keyPath] }

    /// The location of the path or of its closest ancestor that was written.
    public func nearest(_ keyPath: String) -> SourceLocation? {
        var path = Substring(keyPath)
        while true {
            if let location = table[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return table[""] }
            path = path[..<cut]
        }
    }
}
