/// Issues as JSON (for `--format json`) with stable field names.
extension ProfileIssue {
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "severity": .string(severity.rawValue), "rule": .string(rule), "key_path": .string(keyPath),
            "message": .string(message), "hint": .string(hint),
        ]
        if let location {
            object["file"] = .string(location.file)
            object["line"] = .number(Int64(location.line))
            object["column"] = .number(Int64(location.column))
        }
        return .object(object)
    }
}

extension DerivedPermissions {
    public var json: JSONValue {
        .object([
            "inbox_prefix": .string(inboxPrefix),
            "publish": .object(["allow": .array(publishAllow.map(JSONValue.string)), "deny": .array(publishDeny.map(JSONValue.string))]),
            "subscribe": .object(["allow": .array(subscribeAllow.map(JSONValue.string)), "deny": .array(subscribeDeny.map(JSONValue.string))]),
            "allow_responses": .bool(allowResponses),
        ])
    }
}
