/// An account import (subset of nats-io/jwt `Import`).
public struct AccountImport: Sendable, Equatable {
    public var name: String
    /// The subject in the exporting account.
    public var subject: String
    /// The exporting account's public key.
    public var account: String
    public var localSubject: String?
    public var kind: ExportKind
    public var share: Bool

    public init(
        name: String = "", subject: String, account: String, localSubject: String? = nil, kind: ExportKind,
        share: Bool = false
    ) {
        self.name = name
        self.subject = subject
        self.account = account
        self.localSubject = localSubject
        self.kind = kind
        self.share = share
    }

    var json: JSONValue {
        var object = GoObject()
        object.omitEmpty("name", name)
        object.omitEmpty("subject", subject)
        object.omitEmpty("account", account)
        object.omitEmpty("local_subject", localSubject)
        object.always("type", .string(kind.rawValue))
        object.omitEmpty("share", share)
        return object.value
    }

    init(json: JSONValue) throws(JWTError) {
        guard let kind = json["type"]?.stringValue.flatMap(ExportKind.init(rawValue:)) else {
            throw JWTError(.invalidField("import type must be \"stream\" or \"service\""), context: "account import")
        }
        self.init(
            name: json["name"]?.stringValue ?? "", subject: json["subject"]?.stringValue ?? "",
            account: json["account"]?.stringValue ?? "", localSubject: json["local_subject"]?.stringValue,
            kind: kind, share: json["share"]?.boolValue ?? false)
    }
}
