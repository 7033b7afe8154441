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

/// Permission to publish to reply subjects of received requests (`resp`).
public struct ResponsePermission: Sendable, Equatable {
    public var maxMessages: Int64
    /// Go `time.Duration`: serialized as nanoseconds.
    public var ttlNanoseconds: Int64

    public init(maxMessages: Int64 = 1, ttlNanoseconds: Int64 = 0) {
        self.maxMessages = maxMessages
        self.ttlNanoseconds = ttlNanoseconds
    }
}

/// Publish/subscribe permissions (nats-io/jwt `Permissions`: pub, sub, resp).
public struct Permissions: Sendable, Equatable {
    public var publish: SubjectPermission
    public var subscribe: SubjectPermission
    public var response: ResponsePermission?

    public init(
        publish: SubjectPermission = .init(), subscribe: SubjectPermission = .init(),
        response: ResponsePermission? = nil
    ) {
        self.publish = publish
        self.subscribe = subscribe
        self.response = response
    }

    var fields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("pub", publish.json), ("sub", subscribe.json)]
        if let response {
            fields.append(("resp", .object([("max", .int(response.maxMessages)), ("ttl", .int(response.ttlNanoseconds))])))
        }
        return fields
    }

    init(json: JSONValue?) {
        publish = SubjectPermission(json: json?["pub"])
        subscribe = SubjectPermission(json: json?["sub"])
        if let resp = json?["resp"] {
            response = ResponsePermission(
                maxMessages: resp["max"]?.intValue ?? 0, ttlNanoseconds: resp["ttl"]?.intValue ?? 0)
        } else {
            response = nil
        }
    }
}
