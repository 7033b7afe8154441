import HodeiProfile
import HodeiSecurity

/// Renders one `nats-server.conf` per node: listen, monitoring, cluster, TLS, JetStream and either
/// operator mode (operator JWT + MEMORY resolver preloaded with the account JWTs) or static
/// accounts with nkey users and their derived permissions.
///
/// Target-version aware: keys a server lacks are never emitted (`ServerConfigKey`), because the
/// server's config parser rejects unknown keys. Output is deterministic (sorted accounts/users).
public struct ServerConfigRenderer: Sendable {
    public let profile: Profile
    public let credentials: CredentialSet
    public let version: ServerVersion
    public let tls: TLSFiles?
    /// TLS handshake timeout in seconds (the server default, 0.5s, is tight for loaded CI machines).
    public var tlsTimeoutSeconds: Int = 2

    public init(profile: Profile, credentials: CredentialSet, version: ServerVersion, tls: TLSFiles?? = nil) {
        self.profile = profile
        self.credentials = credentials
        self.version = version
        self.tls = tls ?? TLSFiles(profile: profile)
    }

    /// A config string literal: double-quoted, `"` and `\\` escaped.
    public static func quoted(_ value: String) -> String { ConfigText.quoted(value) }

    public func render(_ node: ServerNode) throws(RenderError) -> String {
        var config = ConfigText()
        config.line("# nats-server \(version) config for node \(node.name) of environment \(profile.environment).")
        config.line("# Written by hodei-provision render; edit the profile, not this file. No secrets inside.")
        config.string("server_name", node.name)
        config.string("listen", "\(node.host):\(node.port)")
        if let monitorPort = node.monitorPort {
            config.string("http", "\(node.host):\(monitorPort)")
        }
        if let tls {
            try renderTLS(tls, into: &config)
        }
        renderJetStream(node, into: &config)
        if let cluster = node.cluster {
            config.block("cluster") { block in
                block.string("name", cluster.name)
                block.string("listen", "\(cluster.host):\(cluster.port)")
                block.line("routes: \(ConfigText.list(cluster.routes))")
                if let tls, let cert = tls.cert, let key = tls.key {
                    // Routes carry every account's traffic: same certificates, always mutually verified.
                    block.block("tls") { routeTLS in
                        routeTLS.string("cert_file", cert)
                        routeTLS.string("key_file", key)
                        if let ca = tls.ca { routeTLS.string("ca_file", ca) }
                        routeTLS.bool("verify", true)
                        routeTLS.number("timeout", Int64(tlsTimeoutSeconds))
                    }
                }
            }
        }
        config.blank()
        switch credentials.mode {
        case .operator:
            try renderOperatorMode(into: &config)
        case .accounts:
            renderAccounts(into: &config)
        }
        return config.text
    }

    private func renderTLS(_ tls: TLSFiles, into config: inout ConfigText) throws(RenderError) {
        guard let cert = tls.cert, let key = tls.key else {
            throw RenderError(
                location: profile.location(of: "tls")?.description ?? "tls", problem: "TLS is on but no server cert/key is configured",
                fix: "set tls.cert and tls.key (hodei-provision certs creates them)")
        }
        if tls.verifyClients && tls.ca == nil {
            throw RenderError(
                location: profile.location(of: "tls.verify_clients")?.description ?? "tls.verify_clients",
                problem: "mutual TLS needs the CA that signs client certificates", fix: "set tls.ca")
        }
        config.block("tls") { block in
            block.string("cert_file", cert)
            block.string("key_file", key)
            if let ca = tls.ca { block.string("ca_file", ca) }
            block.bool("verify", tls.verifyClients)
            block.number("timeout", Int64(tlsTimeoutSeconds))
            if ServerConfigKey.tlsMinVersion.isSupported(by: version) { block.string("min_version", "1.2") }
        }
    }

    private func renderJetStream(_ node: ServerNode, into config: inout ConfigText) {
        let settings = profile.cluster?.jetstream
        config.block("jetstream") { block in
            block.string("store_dir", node.storeDirectory)
            if let maxMem = settings?.maxMem, maxMem >= 0 { block.number("max_mem", maxMem) }
            if let maxFile = settings?.maxFile, maxFile >= 0 { block.number("max_file", maxFile) }
            if let domain = settings?.domain { block.string("domain", domain) }
        }
    }

    private func renderOperatorMode(into config: inout ConfigText) throws(RenderError) {
        let block: OperatorModeConfig?
        do {
            block = try credentials.operatorModeConfig()
        } catch {
            throw RenderError(location: error.location, problem: error.problem, fix: error.fix)
        }
        guard let block else {
            throw RenderError(
                location: credentials.layout.operatorJWT, problem: "operator mode without an operator identity",
                fix: "run the credential bootstrap for this profile")
        }
        config.line("# Operator mode: accounts and users are JWTs; the resolver is preloaded from \(credentials.layout.root).")
        config.raw(block.render())
    }

    private func renderAccounts(into config: inout ConfigText) {
        config.block("accounts") { accounts in
            for account in credentials.tenants + [credentials.systemAccount] {
                accounts.block("\(ConfigText.quoted(account.name)):") { body in
                    if let limits = account.limits {
                        renderAccountLimits(limits, into: &body)
                    }
                    body.line("users: [")
                    for user in account.users {
                        body.line("  \(userEntry(user, restricted: account.name != SecretsLayout.systemAccount))")
                    }
                    body.line("]")
                }
            }
        }
        config.string("system_account", SecretsLayout.systemAccount)
    }

    private func renderAccountLimits(_ limits: Tenant.Limits, into body: inout ConfigText) {
        body.block("jetstream") { js in
            js.number("max_mem", limits.maxMem ?? -1)
            js.number("max_file", limits.maxFile ?? -1)
            js.number("max_streams", limits.maxStreams ?? -1)
            js.number("max_consumers", limits.maxConsumers ?? -1)
            if let maxAckPending = limits.maxAckPending { js.number("max_ack_pending", maxAckPending) }
            if let required = limits.maxBytesRequired { js.bool("max_bytes_required", required) }
        }
        let connection: [(String, Int64?)] = [
            ("max_connections", limits.maxConnections), ("max_subscriptions", limits.maxSubscriptions),
            ("max_payload", limits.maxPayload),
        ]
        let set = connection.compactMap { key, value in value.map { (key, $0) } }
        if !set.isEmpty {
            body.block("limits") { block in
                for (key, value) in set { block.number(key, value) }
            }
        }
    }

    /// One line per user: `{ nkey: "U…", permissions: { publish: {allow: […]}, subscribe: {allow: […]} } }`.
    private func userEntry(_ user: UserCredential, restricted: Bool) -> String {
        guard restricted else { return "{ nkey: \(ConfigText.quoted(user.publicKey)) }" }
        let permissions = user.permissions
        func part(_ permission: SubjectPermission) -> String {
            var fields: [String] = []
            if !permission.allow.isEmpty { fields.append("allow: \(ConfigText.list(permission.allow))") }
            if !permission.deny.isEmpty { fields.append("deny: \(ConfigText.list(permission.deny))") }
            return "{ " + fields.joined(separator: ", ") + " }"
        }
        let publish = IdentityPolicy.subjectPermission(allow: permissions.publishAllow, deny: permissions.publishDeny)
        let subscribe = IdentityPolicy.subjectPermission(allow: permissions.subscribeAllow, deny: permissions.subscribeDeny)
        var body = "publish: \(part(publish)), subscribe: \(part(subscribe))"
        if permissions.allowResponses { body += ", allow_responses: true" }
        return "{ nkey: \(ConfigText.quoted(user.publicKey)), permissions: { \(body) } }"
    }
}
