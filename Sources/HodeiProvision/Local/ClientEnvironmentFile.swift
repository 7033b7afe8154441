import Foundation
import NATSClient

/// A rendered client env file (`clients/<tenant>/<user>.env`: `HODEI_*` lines, secrets by path)
/// read back into connect options: the demo connects exactly as an application given that file would.
public struct ClientEnvironmentFile: Sendable, Equatable {
    public let path: String
    public let variables: [String: String]

    public init(path: String, variables: [String: String]) {
        self.path = path
        self.variables = variables
    }

    /// Reads `KEY=value` lines (values may be single-quoted POSIX-shell style); `#` lines are comments.
    public static func load(path: String) throws(LocalEnvironmentError) -> ClientEnvironmentFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LocalEnvironmentError(location: path, problem: "cannot read the client env file",
                                        fix: "run `hodei-provision up PROFILE` (or `render`) to write it")
        }
        return ClientEnvironmentFile(path: path, variables: parse(text))
    }

    static func parse(_ text: String) -> [String: String] {
        var variables: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<equals])
            variables[key] = unquote(String(trimmed[trimmed.index(after: equals)...]))
        }
        return variables
    }

    /// `'it'\''s'` → `it's`; unquoted text is taken as is.
    static func unquote(_ value: String) -> String {
        guard value.hasPrefix("'") else { return value }
        var result = ""
        var inQuotes = false
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "'": inQuotes.toggle()
            case "\\" where !inQuotes: if let next = iterator.next() { result.append(next) }
            default: result.append(character)
            }
        }
        return result
    }

    public subscript(_ key: String) -> String? { variables[key].flatMap { $0.isEmpty ? nil : $0 } }

    /// Connect options from `HODEI_NATS_*`: URLs, creds or nkey seed file, TLS files, inbox prefix.
    public func connectOptions(name: String) throws(LocalEnvironmentError) -> NATSConnectOptions {
        guard let urls = self["HODEI_NATS_URL"] else {
            throw LocalEnvironmentError(location: path, problem: "HODEI_NATS_URL is missing", fix: "render the file again with `hodei-provision up`")
        }
        var auth = NATSAuth.none
        if let creds = self["HODEI_NATS_CREDS"] {
            auth = .credsFile(path: creds)
        } else if let seed = self["HODEI_NATS_NKEY_SEED_FILE"] {
            auth = .nkeySeedFile(path: seed)
        }
        var tls: NATSTLSOptions?
        if self["HODEI_NATS_TLS_CA"] != nil || self["HODEI_NATS_TLS_CERT"] != nil {
            tls = NATSTLSOptions(caFile: self["HODEI_NATS_TLS_CA"], certFile: self["HODEI_NATS_TLS_CERT"],
                                 keyFile: self["HODEI_NATS_TLS_KEY"], expectedHostname: self["HODEI_NATS_TLS_SERVER_NAME"])
        }
        return NATSConnectOptions(
            servers: urls.split(separator: ",").map(String.init), name: name, connectTimeout: .seconds(5),
            maxReconnect: 0, auth: auth, tls: tls, inboxPrefix: self["HODEI_NATS_INBOX_PREFIX"])
    }
}
