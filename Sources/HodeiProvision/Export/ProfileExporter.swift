import Foundation
import HodeiPlan
import HodeiProfile

private typealias JSONValue = HodeiPlan.JSONValue

/// Live JetStream configs → profile YAML in the profile language's own keys and units.
///
/// Only fields that differ from what the profile loader and the server would fill in anyway are
/// written (decided with the planner's `Normaliser`, so export and plan agree on defaults), which
/// keeps the export readable and makes export → apply a no-op. Ownership markers
/// (`hodei.*` metadata, the `[hodei-provision:<env>]` description prefix) become `prevent_delete`
/// or disappear; `_nats.*` metadata is the server's and is dropped.
public enum ProfileExporter {
    /// Streams that are hodei-provision's own bookkeeping, never exported.
    public static let excludedStreams: Set<String> = ["KV_\(ProvisionBucket.defaultName)"]

    public static func render(_ input: ExportInput, exportedAt: Date? = nil, source: String? = nil) -> ExportResult {
        var yaml = YAMLWriter()
        var notes: [String] = []
        var header = "Exported by hodei-provision"
        if let source { header += " from \(source)" }
        if let exportedAt { header += " at \(ISO8601DateFormatter().string(from: exportedAt))" }
        yaml.comment(header)
        yaml.line(0, "profile: 1")
        yaml.line(0, "environment: \(ProfileYAML.scalar(input.environment))")
        if let description = input.profile?.description {
            yaml.line(0, "description: \(ProfileYAML.scalar(description))")
        }
        writeConnection(input, into: &yaml, notes: &notes)
        yaml.line(0, "")
        yaml.line(0, "tenants:")
        for tenant in input.tenants {
            let profileTenant = input.profile?.tenant(named: tenant.name)
            yaml.line(1, "\(ProfileYAML.key(tenant.name)):")
            let before = yaml.text
            if let profileTenant {
                if let description = profileTenant.description {
                    yaml.line(2, "description: \(ProfileYAML.scalar(description))")
                }
                writeLimits(profileTenant.limits, into: &yaml)
                writeUsers(profileTenant, into: &yaml, notes: &notes)
            }
            let streams = tenant.streams.filter { !excludedStreams.contains($0.name) }
                .sorted { $0.name < $1.name }
            if !streams.isEmpty {
                yaml.line(2, "streams:")
                for stream in streams {
                    writeStream(stream, tenant: tenant.name, environment: input.environment, into: &yaml, notes: &notes)
                }
            }
            if yaml.text == before { yaml.line(2, "{}") }
        }
        return ExportResult(text: yaml.text, notes: notes)
    }

    // MARK: Connection and tenants (from the profile, when there is one)

    private static func writeConnection(_ input: ExportInput, into yaml: inout YAMLWriter, notes: inout [String]) {
        let profile = input.profile
        yaml.line(0, "")
        yaml.line(0, "servers:")
        yaml.line(1, "urls: \(ProfileYAML.list(profile?.servers.urls ?? input.serverURLs))")
        if let servers = profile?.servers {
            yaml.line(1, "connect_timeout: \(Quantities.formatDuration(servers.connectTimeout))")
            yaml.line(1, "reconnect_wait: \(Quantities.formatDuration(servers.reconnectWait))")
            yaml.line(1, "max_reconnects: \(servers.maxReconnects < 0 ? "unlimited" : String(servers.maxReconnects))")
            if let requires = servers.requires { yaml.line(1, "requires: \(ProfileYAML.scalar("\(requires)"))") }
        }
        if let tls = profile?.tls {
            yaml.line(0, "tls:")
            if let ca = tls.ca { yaml.line(1, "ca: \(ProfileYAML.scalar(ca.resolved))") }
            if let cert = tls.cert { yaml.line(1, "cert: \(ProfileYAML.scalar(cert.resolved))") }
            if let key = tls.key { yaml.line(1, "key: \(ProfileYAML.scalar(key.resolved))") }
            if tls.verifyClients { yaml.line(1, "verify_clients: true") }
            if !tls.serverNames.isEmpty { yaml.line(1, "server_names: \(ProfileYAML.list(tls.serverNames))") }
            if tls.allowPlaintext { yaml.line(1, "allow_plaintext: true") }
            if tls.checkFiles { yaml.line(1, "check_files: true") }
        } else if profile == nil, input.environment != "dev", !input.serverURLs.allSatisfy({ $0.hasPrefix("tls://") }) {
            // A plaintext server outside dev: say so explicitly, or the export would not validate.
            yaml.line(0, "tls:")
            yaml.line(1, "allow_plaintext: true")
            notes.append("tls: the server was reached without TLS; the export says allow_plaintext: true")
        }
        if let auth = profile?.auth {
            yaml.line(0, "auth:")
            yaml.line(1, "mode: \(auth.mode.rawValue)")
            if let secrets = auth.secretsDir { yaml.line(1, "secrets_dir: \(ProfileYAML.scalar(secrets.resolved))") }
        }
        if let cluster = profile?.cluster {
            yaml.line(0, "cluster:")
            yaml.line(1, "name: \(ProfileYAML.scalar(cluster.name))")
            yaml.line(1, "nodes: \(ProfileYAML.list(cluster.nodes))")
            let js = cluster.jetstream
            if js.storeDir != nil || js.maxFile != nil || js.maxMem != nil || js.domain != nil {
                yaml.line(1, "jetstream:")
                if let storeDir = js.storeDir { yaml.line(2, "store_dir: \(ProfileYAML.scalar(storeDir))") }
                if let maxFile = js.maxFile { yaml.line(2, "max_file: \(Quantities.formatSize(maxFile))") }
                if let maxMem = js.maxMem { yaml.line(2, "max_mem: \(Quantities.formatSize(maxMem))") }
                if let domain = js.domain { yaml.line(2, "domain: \(ProfileYAML.scalar(domain))") }
            }
        }
        if let bus = profile?.bus {
            yaml.line(0, "bus:")
            yaml.line(1, "type: \(bus.type.rawValue)")
            yaml.line(1, "capacity: \(bus.capacity)")
            yaml.line(1, "stream: \(ProfileYAML.scalar(bus.stream))")
            yaml.line(1, "subject_prefix: \(ProfileYAML.scalar(bus.subjectPrefix))")
        }
    }

    private static func writeLimits(_ limits: Tenant.Limits, into yaml: inout YAMLWriter) {
        let counts: [(String, Int64?)] = [
            ("max_streams", limits.maxStreams), ("max_consumers", limits.maxConsumers),
            ("max_ack_pending", limits.maxAckPending), ("max_connections", limits.maxConnections),
            ("max_subscriptions", limits.maxSubscriptions),
        ]
        let sizes: [(String, Int64?)] = [
            ("max_file", limits.maxFile), ("max_mem", limits.maxMem), ("max_payload", limits.maxPayload),
            ("max_data", limits.maxData),
        ]
        var lines = counts.compactMap { key, value in value.map { "\(key): \($0 < 0 ? "unlimited" : String($0))" } }
        lines += sizes.compactMap { key, value in value.map { "\(key): \(Quantities.formatSize($0))" } }
        if let required = limits.maxBytesRequired { lines.append("max_bytes_required: \(required)") }
        guard !lines.isEmpty else { return }
        yaml.line(2, "limits:")
        for line in lines { yaml.line(3, line) }
    }

    private static func writeUsers(_ tenant: Tenant, into yaml: inout YAMLWriter, notes: inout [String]) {
        guard !tenant.users.isEmpty else { return }
        yaml.line(2, "users:")
        for user in tenant.users {
            var lines: [String] = []
            if let description = user.description { lines.append("description: \(ProfileYAML.scalar(description))") }
            if !user.publish.isEmpty { lines.append("publish: \(ProfileYAML.list(user.publish))") }
            if !user.subscribe.isEmpty { lines.append("subscribe: \(ProfileYAML.list(user.subscribe))") }
            if !user.consume.isEmpty { lines.append("consume: \(ProfileYAML.list(user.consume.map(\.description)))") }
            if user.admin { lines.append("admin: true") }
            if let password = user.password {
                // The reference, never the value.
                lines.append("password: \(ProfileYAML.scalar(password.reference))")
                if password.reference.hasPrefix("file:") {
                    notes.append("\(tenant.name)/users/\(user.name): password reference \(password.reference) is relative to the original profile")
                }
            }
            if lines.isEmpty {
                yaml.line(3, "\(ProfileYAML.key(user.name)): {}")
            } else {
                yaml.line(3, "\(ProfileYAML.key(user.name)):")
                for line in lines { yaml.line(4, line) }
            }
        }
    }

    // MARK: Streams and consumers

    private static func writeStream(_ stream: ActualStream, tenant: String, environment: String,
                                    into yaml: inout YAMLWriter, notes: inout [String]) {
        let path = "\(tenant)/\(stream.name)"
        var (fields, preventDelete) = withoutOwnership(stream.info.config.fields)
        fields = nonDefault(fields, kind: .stream)
        yaml.line(3, "\(ProfileYAML.key(stream.name)):")
        write(fields, table: ExportField.stream, identity: ExportField.streamIdentity, indent: 4, path: path,
              into: &yaml, notes: &notes)
        if preventDelete { yaml.line(4, "prevent_delete: true") }
        let consumers = stream.consumers.sorted { $0.name < $1.name }
        guard !consumers.isEmpty else { return }
        yaml.line(4, "consumers:")
        for consumer in consumers {
            let consumerPath = "\(path)/\(consumer.name)"
            guard consumer.config.durableName != nil || consumer.config.name != nil else {
                notes.append("\(consumerPath): ephemeral consumer, not exported")
                continue
            }
            var (fields, preventDelete) = withoutOwnership(consumer.config.fields)
            let ackPolicy = fields["ack_policy"]?.stringValue ?? "none"
            fields = nonDefault(fields, kind: .consumer)
            // The profile's default ack is explicit (the server's is none): write the one that differs.
            fields["ack_policy"] = ackPolicy == "explicit" ? nil : .string(ackPolicy)
            var body = YAMLWriter()
            write(fields, table: ExportField.consumer, identity: ExportField.consumerIdentity, indent: 6,
                  path: consumerPath, into: &body, notes: &notes)
            if preventDelete { body.line(6, "prevent_delete: true") }
            if body.text.isEmpty {
                yaml.line(5, "\(ProfileYAML.key(consumer.name)): {}")
            } else {
                yaml.line(5, "\(ProfileYAML.key(consumer.name)):")
                yaml.append(body)
            }
        }
    }

    /// Drops the ownership marker and the server's reserved metadata; reports prevent-delete.
    fileprivate static func withoutOwnership(_ raw: [String: JSONValue]) -> ([String: JSONValue], preventDelete: Bool) {
        let ownership = Ownership(fields: raw)
        var fields = Normaliser.strippingReservedMetadata(raw)
        if var metadata = fields["metadata"]?.objectValue {
            for key in [Ownership.managedByKey, Ownership.profileKey, Ownership.preventDeleteKey] { metadata[key] = nil }
            fields["metadata"] = metadata.isEmpty ? nil : .object(metadata)
        }
        if case .managed = ownership, let description = fields["description"]?.stringValue,
           description.hasPrefix("[hodei-provision:"), let close = description.firstIndex(of: "]") {
            let rest = description[description.index(after: close)...].drop { $0 == " " }
            fields["description"] = rest.isEmpty ? nil : .string(String(rest))
        }
        return (fields, ownership.preventsDelete)
    }

    /// Keeps the fields whose value differs from what the server fills in without them.
    fileprivate static func nonDefault(_ fields: [String: JSONValue], kind: ResourceKind) -> [String: JSONValue] {
        let full = Normaliser.normalise(fields, kind: kind)
        var kept: [String: JSONValue] = [:]
        for (key, value) in fields where !value.isZero {
            var without = fields
            without[key] = nil
            let filled = Normaliser.normalise(without, kind: kind)[key]
            if filled != full[key] { kept[key] = value }
        }
        // A profile stream must list its subjects even when they are the server's default (its name).
        if kind == .stream, let subjects = fields["subjects"], !subjects.isZero { kept["subjects"] = subjects }
        return kept
    }

    private static func write(_ fields: [String: JSONValue], table: [ExportField], identity: Set<String>, indent: Int,
                              path: String, into yaml: inout YAMLWriter, notes: inout [String]) {
        let known = Set(table.map(\.jsonKey))
        for field in table {
            guard let value = fields[field.jsonKey], !value.isZero else { continue }
            writeField(field, value, indent: indent, path: path, into: &yaml, notes: &notes)
        }
        for key in fields.keys.sorted() where !known.contains(key) && !identity.contains(key) {
            notes.append("\(path): field \(key) has no profile key and was left out (value \(fields[key]!.canonicalText))")
        }
    }

    private static func writeField(_ field: ExportField, _ value: JSONValue, indent: Int, path: String,
                                   into yaml: inout YAMLWriter, notes: inout [String]) {
        let key = field.profileKey
        switch field.form {
        case .plain:
            yaml.line(indent, "\(key): \(scalarText(value))")
        case .duration:
            yaml.line(indent, "\(key): \(Quantities.formatDuration(value.intValue ?? 0))")
        case .durations:
            let items = (value.arrayValue ?? []).map { Quantities.formatDuration($0.intValue ?? 0) }
            yaml.line(indent, "\(key): [\(items.joined(separator: ", "))]")
        case .size:
            yaml.line(indent, "\(key): \(Quantities.formatSize(value.intValue ?? 0))")
        case .count:
            let number = value.intValue ?? 0
            yaml.line(indent, "\(key): \(number < 0 ? "unlimited" : String(number))")
        case .strings:
            yaml.line(indent, "\(key): \(ProfileYAML.list((value.arrayValue ?? []).compactMap(\.stringValue)))")
        case .stringMap:
            yaml.line(indent, "\(key):")
            for (name, item) in (value.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                yaml.line(indent + 1, "\(ProfileYAML.key(name)): \(ProfileYAML.scalar(item.stringValue ?? item.canonicalText))")
            }
        case .mapping(let nested):
            yaml.line(indent, "\(key):")
            write(value.objectValue ?? [:], table: nested, identity: [], indent: indent + 1, path: "\(path).\(key)",
                  into: &yaml, notes: &notes)
        case .mappings(let nested):
            yaml.line(indent, "\(key):")
            for (index, item) in (value.arrayValue ?? []).enumerated() {
                var body = YAMLWriter()
                write(item.objectValue ?? [:], table: nested, identity: [], indent: indent + 2,
                      path: "\(path).\(key)[\(index)]", into: &body, notes: &notes)
                var lines = body.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                guard !lines.isEmpty else { continue }
                // First line of each item carries the "- ".
                lines[0] = String(repeating: "  ", count: indent + 1) + "- " + lines[0].drop { $0 == " " }
                for line in lines { yaml.line(0, line) }
            }
        }
    }

    private static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return ProfileYAML.scalar(text)
        default: return value.canonicalText
        }
    }
}
