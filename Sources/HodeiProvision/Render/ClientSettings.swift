import HodeiProfile

/// How one tenant user connects: the single source of the env file, the nats CLI context and
/// `EventBusFactory.create(profile:tenant:user:)`. Secrets appear only as file paths.
public struct ClientSettings: Sendable, Equatable {
    public let tenant: String
    public let user: String
    public let environment: String
    public let busType: Profile.BusType
    public let capacity: Int
    public let urls: [String]
    /// `.creds` (operator mode) or nil.
    public let credsFile: String?
    /// `.nk` seed file (accounts mode) or nil.
    public let nkeySeedFile: String?
    public let tlsCA: String?
    /// Client certificate and key (mutual TLS), when known.
    public let tlsCert: String?
    public let tlsKey: String?
    public let tlsServerName: String?
    public let stream: String
    public let subjectPrefix: String
    public let inboxPrefix: String
    public let jetStreamDomain: String?
    /// Connect/request timeout (`servers.connect_timeout`).
    public let timeoutMilliseconds: Int

    public init(
        tenant: String, user: String, environment: String, busType: Profile.BusType, capacity: Int, urls: [String],
        credsFile: String?, nkeySeedFile: String?, tlsCA: String?, tlsCert: String?, tlsKey: String?, tlsServerName: String?,
        stream: String, subjectPrefix: String, inboxPrefix: String, jetStreamDomain: String?, timeoutMilliseconds: Int = 5_000
    ) {
        self.tenant = tenant
        self.user = user
        self.environment = environment
        self.busType = busType
        self.capacity = capacity
        self.urls = urls
        self.credsFile = credsFile
        self.nkeySeedFile = nkeySeedFile
        self.tlsCA = tlsCA
        self.tlsCert = tlsCert
        self.tlsKey = tlsKey
        self.tlsServerName = tlsServerName
        self.stream = stream
        self.subjectPrefix = subjectPrefix
        self.inboxPrefix = inboxPrefix
        self.jetStreamDomain = jetStreamDomain
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// From the profile and the user's credential. `urls` defaults to `servers.urls` (`up` passes
    /// the loopback URLs it started); `clientCertificate` is the user's mutual-TLS pair.
    public init(
        profile: Profile, credential: UserCredential, urls: [String]? = nil, tls: TLSFiles?? = nil,
        clientCertificate: (cert: String, key: String)? = nil
    ) {
        let files = tls ?? TLSFiles(profile: profile)
        self.init(
            tenant: credential.tenant, user: credential.name, environment: profile.environment, busType: profile.bus.type,
            capacity: profile.bus.capacity, urls: urls ?? profile.servers.urls,
            credsFile: credential.kind == .creds ? credential.file : nil,
            nkeySeedFile: credential.kind == .nkeySeed ? credential.file : nil,
            tlsCA: files?.ca, tlsCert: clientCertificate?.cert, tlsKey: clientCertificate?.key,
            tlsServerName: files == nil ? nil : Self.serverName(profile),
            stream: Self.busStream(profile, tenant: credential.tenant), subjectPrefix: profile.bus.subjectPrefix,
            inboxPrefix: credential.permissions.inboxPrefix, jetStreamDomain: profile.cluster?.jetstream.domain,
            timeoutMilliseconds: Int(max(1, profile.servers.connectTimeout / 1_000_000)))
    }

    /// The tenant's stream that holds the bus events: the one named `bus.stream` if the tenant has it,
    /// else the one whose subjects cover the bus subjects (`<prefix>.>`, e.g. `EV_acme` with
    /// `hodei.events.>`), else `bus.stream` as written.
    static func busStream(_ profile: Profile, tenant name: String) -> String {
        guard let tenant = profile.tenant(named: name), tenant.stream(named: profile.bus.stream) == nil else { return profile.bus.stream }
        let everything = "\(profile.bus.subjectPrefix).>"
        return tenant.streams.first { $0.subjects.contains { SubjectPattern.covers($0, everything) } }?.name ?? profile.bus.stream
    }

    /// The name to verify when it is unambiguous: one `tls.server_names` entry. With several
    /// servers each URL's host is verified (the certificate carries every name).
    static func serverName(_ profile: Profile) -> String? {
        guard let names = profile.tls?.serverNames, names.count == 1 else { return nil }
        return names[0]
    }

    /// `HODEI_*` variables, in the names `EventBusConfig.fromEnvironment()` reads.
    public var environmentVariables: [(name: String, value: String)] {
        var variables: [(String, String)] = [
            ("HODEI_EVENT_BUS_TYPE", busType.rawValue),
            ("HODEI_EVENT_BUS_CAPACITY", String(capacity)),
            ("HODEI_NATS_URL", urls.joined(separator: ",")),
            ("HODEI_NATS_TIMEOUT_MS", String(timeoutMilliseconds)),
        ]
        if let credsFile { variables.append(("HODEI_NATS_CREDS", credsFile)) }
        if let nkeySeedFile { variables.append(("HODEI_NATS_NKEY_SEED_FILE", nkeySeedFile)) }
        if let tlsCA { variables.append(("HODEI_NATS_TLS_CA", tlsCA)) }
        if let tlsCert { variables.append(("HODEI_NATS_TLS_CERT", tlsCert)) }
        if let tlsKey { variables.append(("HODEI_NATS_TLS_KEY", tlsKey)) }
        if let tlsServerName { variables.append(("HODEI_NATS_TLS_SERVER_NAME", tlsServerName)) }
        variables += [
            ("HODEI_NATS_STREAM", stream),
            ("HODEI_NATS_SUBJECT_PREFIX", subjectPrefix),
            ("HODEI_NATS_INBOX_PREFIX", inboxPrefix),
        ]
        return variables
    }
}
