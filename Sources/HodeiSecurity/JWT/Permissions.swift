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
