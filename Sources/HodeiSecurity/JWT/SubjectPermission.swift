/// Allow/deny subject lists (nats-io/jwt `Permission`).
public struct SubjectPermission: Sendable, Equatable {
    public var allow: [String]
    public var deny: [String]

    public init(allow: [String] = [], deny: [String] = []) {
        self.allow = allow
        self.deny = deny
    }

    var json: JSONValue {
        var object = GoObject()
        object.omitEmpty("allow", allow)
        object.omitEmpty("deny", deny)
        return object.value
    }

    init(json: JSONValue?) {
        allow = json?["allow"]?.stringArray ?? []
        deny = json?["deny"]?.stringArray ?? []
    }
}
