import Foundation

extension EventBusConfig {
    /// The environment variables read by `fromEnvironment(_:)` (documented in docs/configuration.md).
    public enum Variable {
        public static let type = "HODEI_EVENT_BUS_TYPE"
        public static let capacity = "HODEI_EVENT_BUS_CAPACITY"
        public static let url = "HODEI_NATS_URL"
        public static let timeoutMs = "HODEI_NATS_TIMEOUT_MS"
        public static let creds = "HODEI_NATS_CREDS"
        public static let nkeySeedFile = "HODEI_NATS_NKEY_SEED_FILE"
        public static let user = "HODEI_NATS_USER"
        public static let password = "HODEI_NATS_PASSWORD"
        public static let token = "HODEI_NATS_TOKEN"
        public static let tlsCA = "HODEI_NATS_TLS_CA"
        public static let tlsCert = "HODEI_NATS_TLS_CERT"
        public static let tlsKey = "HODEI_NATS_TLS_KEY"
        public static let tlsServerName = "HODEI_NATS_TLS_SERVER_NAME"
        public static let stream = "HODEI_NATS_STREAM"
        public static let subjectPrefix = "HODEI_NATS_SUBJECT_PREFIX"
        public static let inboxPrefix = "HODEI_NATS_INBOX_PREFIX"
        /// Values never shown in errors.
        static let secret: Set<String> = [password, token]
    }

    public static let maxCapacity = 10_000_000
    public static let maxTimeoutMs = 600_000

    /// Reads the `HODEI_*` variables; unset or empty variables take their defaults. Checks every
    /// variable (also the NATS ones when the type is `inmemory`: a set variable with a bad value is
    /// a mistake either way) and throws one `EventBusConfigError` listing every problem.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(EventBusConfigError) -> EventBusConfig {
        var reader = EnvironmentReader(environment)
        typealias V = Variable
        var config = EventBusConfig()

        if let raw = reader.value(V.type) {
            if let backend = Backend(rawValue: raw.lowercased()) {
                config.backend = backend
            } else {
                reader.issue(V.type, raw, "one of \(Backend.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let capacity = reader.integer(V.capacity, in: 1...maxCapacity, unit: "events") {
            config.capacity = capacity
        }
        if let raw = reader.value(V.url) {
            let urls = raw.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let bad = urls.filter { !Self.isServerURL($0) }
            if bad.isEmpty {
                config.nats.servers = urls
            } else {
                reader.issue(V.url, Self.maskURLPasswords(raw),
                             "a comma-separated list of URLs like nats://host:4222 (schemes nats, tls, ws, wss); "
                                 + "bad entr\(bad.count == 1 ? "y" : "ies"): "
                                 + bad.map { $0.isEmpty ? "(empty)" : "'\(Self.maskURLPasswords($0))'" }.joined(separator: ", "))
            }
        }
        if let ms = reader.integer(V.timeoutMs, in: 1...maxTimeoutMs, unit: "milliseconds") {
            config.nats.timeout = .milliseconds(ms)
        }

        // Authentication: at most one method.
        let creds = reader.readableFile(V.creds, what: "a NATS .creds file")
        let seed = reader.readableFile(V.nkeySeedFile, what: "a file holding an nkey user seed (SU...)")
        let user = reader.value(V.user)
        let password = reader.value(V.password)
        let token = reader.value(V.token)
        if user != nil && password == nil {
            reader.issue(V.user, user!, "\(V.password) to be set too (user and password go together)")
        } else if password != nil && user == nil {
            reader.issue(V.password, password!, "\(V.user) to be set too (user and password go together)")
        }
        let methods = [(V.creds, reader.isSet(V.creds)), (V.nkeySeedFile, reader.isSet(V.nkeySeedFile)),
                       (V.user, user != nil || password != nil), (V.token, token != nil)]
            .filter(\.1).map(\.0)
        if methods.count > 1 {
            reader.issue(methods[1], reader.raw(methods[1]) ?? "",
                         "one authentication method only, but \(methods.joined(separator: " and ")) are all set; "
                             + "unset all but one")
        } else if let creds {
            config.nats.auth = .credentials(path: creds)
        } else if let seed {
            config.nats.auth = .nkeySeedFile(path: seed)
        } else if let user, let password {
            config.nats.auth = .userPassword(user: user, password: Secret(password))
        } else if let token {
            config.nats.auth = .token(Secret(token))
        }

        // TLS.
        let ca = reader.readableFile(V.tlsCA, what: "a PEM file of CA certificates")
        let cert = reader.readableFile(V.tlsCert, what: "a PEM client certificate file")
        let key = reader.readableFile(V.tlsKey, what: "a PEM private key file")
        let serverName = reader.value(V.tlsServerName)
        if reader.isSet(V.tlsCert) != reader.isSet(V.tlsKey) {
            let (set, missing) = reader.isSet(V.tlsCert) ? (V.tlsCert, V.tlsKey) : (V.tlsKey, V.tlsCert)
            reader.issue(set, reader.raw(set) ?? "", "\(missing) to be set too (client certificate and key go together)")
        }
        if let serverName, !Self.isHostName(serverName) {
            reader.issue(V.tlsServerName, serverName, "a DNS host name like nats.example.com")
        }
        if ca != nil || cert != nil || key != nil || serverName != nil {
            config.nats.tls = NatsTLSSettings(caFile: ca, certFile: cert, keyFile: key, serverName: serverName)
        }

        if let stream = reader.value(V.stream) {
            if Self.isStreamName(stream) {
                config.nats.stream = stream
            } else {
                reader.issue(V.stream, stream, "a JetStream stream name: 1-255 letters, digits, '-' or '_' (no '.', '*', '>', spaces)")
            }
        }
        if let prefix = reader.value(V.subjectPrefix) {
            do {
                try SubjectSyntax.validateSubject(prefix)
                config.subjectPrefix = prefix
            } catch {
                reader.issue(V.subjectPrefix, prefix, "a subject prefix without wildcards like hodei.events (\(error.message))")
            }
        }
        if let inbox = reader.value(V.inboxPrefix) {
            do {
                try SubjectSyntax.validateSubject(inbox)
                config.nats.inboxPrefix = inbox
            } catch {
                reader.issue(V.inboxPrefix, inbox, "a subject without wildcards like _INBOX.acme-worker (\(error.message))")
            }
        }

        if !reader.issues.isEmpty { throw EventBusConfigError(issues: reader.issues) }
        return config
    }

    static func isServerURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              ["nats", "tls", "ws", "wss"].contains(scheme), let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// `nats://user:secret@host` → `nats://user:<redacted>@host`.
    static func maskURLPasswords(_ text: String) -> String {
        text.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            let entry = String(part)
            guard let schemeEnd = entry.range(of: "://"), let at = entry.range(of: "@", options: .backwards),
                  at.lowerBound > schemeEnd.upperBound else { return entry }
            let userInfo = entry[schemeEnd.upperBound..<at.lowerBound]
            guard let colon = userInfo.firstIndex(of: ":") else {
                // A lone user-info part is a token (nats://token@host): mask it whole.
                return entry.replacingCharacters(in: schemeEnd.upperBound..<at.lowerBound, with: "<redacted>")
            }
            return entry.replacingCharacters(in: entry.index(after: colon)..<at.lowerBound, with: "<redacted>")
        }.joined(separator: ",")
    }

    static func isHostName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    static func isStreamName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 255
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Reads variables and collects issues; empty values count as unset.
private struct EnvironmentReader {
    let environment: [String: String]
    var issues: [EventBusConfigError.Issue] = []

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    func raw(_ name: String) -> String? {
        guard let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    func isSet(_ name: String) -> Bool { raw(name) != nil }

    func value(_ name: String) -> String? {
        raw(name)?.trimmingCharacters(in: .whitespaces)
    }

    mutating func issue(_ name: String, _ value: String, _ expected: String) {
        let shown = EventBusConfig.Variable.secret.contains(name) ? "<redacted>" : value
        issues.append(.init(variable: name, shownValue: shown, expected: expected))
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>, unit: String) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            issue(name, text, "a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// The path if it names a readable regular file; an issue otherwise.
    mutating func readableFile(_ name: String, what: String) -> String? {
        guard let path = value(name) else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if !exists {
            issue(name, path, "\(what), but no file exists at that path")
            return nil
        }
        if isDirectory.boolValue || !FileManager.default.isReadableFile(atPath: path) {
            issue(name, path, "\(what), but it is \(isDirectory.boolValue ? "a directory" : "not readable by this user")")
            return nil
        }
        return path
    }
}
