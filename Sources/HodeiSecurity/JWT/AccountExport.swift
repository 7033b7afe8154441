/// Whether an export/import carries messages (stream) or requests (service).
public enum ExportKind: String, Sendable {
    case stream
    case service
}

/// An account export (subset of nats-io/jwt `Export`).
public struct AccountExport: Sendable, Equatable {
    public var name: String
    public var subject: String
    public var kind: ExportKind
    public var tokenRequired: Bool
    /// Services only: "Singleton", "Stream" or "Chunked".
    public var responseType: String?
    public var description: String?

    public init(
        name: String = "", subject: String, kind: ExportKind, tokenRequired: Bool = false,
        responseType: String? = nil, description: String? = nil
    ) {
        self.name = name
        self.subject = subject
        self.kind = kind
        self.tokenRequired = tokenRequired
        self.responseType = responseType
        self.description = description
    }

    var json: JSONValue {
        var object = GoObject()
        object.omitEmpty("name", name)
        object.omitEmpty("subject", subject)
        object.always("type", .string(kind.rawValue))
        object.omitEmpty("token_req", tokenRequired)
        object.omitEmpty("response_type", responseType)
        object.omitEmpty("description", description)
        return object.value
    }

    init(json: JSONValue) throws(JWTError) {
        guard let kind = json["type"]?.stringValue.flatMap(ExportKind.init(rawValue:)) else {
            throw JWTError(.invalidField("export type must be \"stream\" or \"service\""), context: "account export")
        }
        self.init(
            name: json["name"]?.stringValue ?? "", subject: json["subject"]?.stringValue ?? "", kind: kind,
            tokenRequired: json["token_req"]?.boolValue ?? false, responseType: json["response_type"]?.stringValue,
            description: json["description"]?.stringValue)
    }
}
