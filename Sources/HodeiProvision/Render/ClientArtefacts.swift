import Foundation

/// The files a tenant user's clients read: `<user>.env` (`HODEI_*`) and `<user>.context.json`
/// (nats CLI context, ADR-21 keys). Both reference the creds/seed by path; neither holds a secret,
/// yet both are written 0600 in 0700 directories, like the nats CLI does with contexts.
public enum ClientArtefacts {
    /// `KEY=value` lines; values quoted for POSIX shells only when they need it.
    public static func envFile(_ settings: ClientSettings) -> String {
        var lines = [
            "# Hodei event bus client settings for \(settings.tenant)/\(settings.user) (\(settings.environment)).",
            "# Written by hodei-provision render. Secrets are referenced by path, never inlined.",
        ]
        for (name, value) in settings.environmentVariables {
            lines.append("\(name)=\(shellValue(value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The nats CLI context (`nats --context FILE` or copy it to ~/.config/nats/context/).
    public static func contextJSON(_ settings: ClientSettings) -> String {
        let object: [String: Any] = [
            "description": "hodei \(settings.environment) \(settings.tenant)/\(settings.user)",
            "url": settings.urls.joined(separator: ","),
            "token": "",
            "user": "",
            "password": "",
            "creds": settings.credsFile ?? "",
            "nkey": settings.nkeySeedFile ?? "",
            "cert": settings.tlsCert ?? "",
            "key": settings.tlsKey ?? "",
            "ca": settings.tlsCA ?? "",
            "nsc": "",
            "jetstream_domain": settings.jetStreamDomain ?? "",
            "jetstream_api_prefix": "",
            "jetstream_event_prefix": "",
            "inbox_prefix": settings.inboxPrefix,
        ]
        // Only strings in a literal dictionary: serialisation cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Where they go: `<out>/clients/<tenant>/<user>.env|.context.json`.
    public static func paths(out: String, tenant: String, user: String) -> (env: String, context: String) {
        let directory = "\(out)/clients/\(tenant)"
        return ("\(directory)/\(user).env", "\(directory)/\(user).context.json")
    }

    public static func shellValue(_ value: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,/:@+=%")
        if !value.isEmpty && value.unicodeScalars.allSatisfy(safe.contains) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
