/// A model built from a parsed `JSONValue` (one pass over the reply with `JSONParser`), with the same
/// rules as its `Decodable` conformance: required keys must be there, optional ones may be absent or
/// null, a value of the wrong type is an error.
public protocol JSONValueDecodable: Decodable, Sendable {
    init(json: JSONValue) throws(JSONShapeError)
}

/// A parsed JSON value does not have the shape a model needs.
public struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path.isEmpty ? "value" : path): \(reason)" }
}

/// Typed member access on a JSON object, for `init(json:)`.
struct JSONObjectReader {
    let members: [String: JSONValue]
    let type: String

    init(_ value: JSONValue, type: String) throws(JSONShapeError) {
        guard case .object(let members) = value else {
            throw JSONShapeError(path: type, reason: "expected an object")
        }
        self.members = members
        self.type = type
    }

    private func error(_ key: String, _ reason: String) -> JSONShapeError {
        JSONShapeError(path: "\(type).\(key)", reason: reason)
    }

    /// The member, nil when absent or null.
    private func present(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    func integer<T: FixedWidthInteger>(_ key: String, as: T.Type = T.self) throws(JSONShapeError) -> T? {
        guard let value = present(key) else { return nil }
        switch value {
        case .int(let int):
            guard let exact = T(exactly: int) else { throw error(key, "\(int) does not fit \(T.self)") }
            return exact
        case .double(let double):
            guard let exact = T(exactly: double) else { throw error(key, "\(double) is not a \(T.self)") }
            return exact
        default:
            throw error(key, "expected a number")
        }
    }

    func requiredInteger<T: FixedWidthInteger>(_ key: String, as: T.Type = T.self) throws(JSONShapeError) -> T {
        guard let value: T = try integer(key) else { throw error(key, "missing") }
        return value
    }

    func string(_ key: String) throws(JSONShapeError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw error(key, "expected a string") }
        return text
    }

    func requiredString(_ key: String) throws(JSONShapeError) -> String {
        guard let value = try string(key) else { throw error(key, "missing") }
        return value
    }

    func model<T: JSONValueDecodable>(_ key: String, as: T.Type = T.self) throws(JSONShapeError) -> T? {
        guard let value = present(key) else { return nil }
        return try T(json: value)
    }

    func requiredModel<T: JSONValueDecodable>(_ key: String, as: T.Type = T.self) throws(JSONShapeError) -> T {
        guard let value: T = try model(key) else { throw error(key, "missing") }
        return value
    }

    func models<T: JSONValueDecodable>(_ key: String, as: T.Type = T.self) throws(JSONShapeError) -> [T]? {
        guard let value = present(key) else { return nil }
        guard case .array(let items) = value else { throw error(key, "expected an array") }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for item in items { out.append(try T(json: item)) }
        return out
    }
}

extension JSONObjectBacked {
    public init(json: JSONValue) throws(JSONShapeError) {
        guard case .object(let fields) = json else {
            throw JSONShapeError(path: "\(Self.self)", reason: "expected an object")
        }
        self.init(fields: fields)
    }
}

extension StreamConfig: JSONValueDecodable {}
extension ConsumerConfig: JSONValueDecodable {}

extension StreamInfo: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "StreamInfo")
        self.init(
            config: try reader.requiredModel("config"), state: try reader.requiredModel("state"),
            created: try reader.string("created"))
    }
}

extension StreamState: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "StreamState")
        self.init(
            messages: try reader.integer("messages") ?? 0, bytes: try reader.integer("bytes") ?? 0,
            firstSeq: try reader.integer("first_seq") ?? 0, lastSeq: try reader.integer("last_seq") ?? 0,
            consumerCount: try reader.integer("consumer_count") ?? 0)
    }
}

extension ConsumerInfo: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "ConsumerInfo")
        self.init(
            streamName: try reader.requiredString("stream_name"), name: try reader.requiredString("name"),
            config: try reader.requiredModel("config"), numPending: try reader.integer("num_pending") ?? 0,
            numAckPending: try reader.integer("num_ack_pending") ?? 0,
            numRedelivered: try reader.integer("num_redelivered") ?? 0, numWaiting: try reader.integer("num_waiting") ?? 0,
            delivered: try reader.model("delivered") ?? SequencePair(), ackFloor: try reader.model("ack_floor") ?? SequencePair())
    }
}

extension SequencePair: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "SequencePair")
        self.init(consumerSeq: try reader.requiredInteger("consumer_seq"), streamSeq: try reader.requiredInteger("stream_seq"))
    }
}

extension StreamListPage: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "StreamListPage")
        self.init(
            total: try reader.integer("total") ?? 0, offset: try reader.integer("offset") ?? 0,
            limit: try reader.integer("limit") ?? 0, streams: try reader.models("streams") ?? [])
    }
}

extension ConsumerListPage: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "ConsumerListPage")
        self.init(
            total: try reader.integer("total") ?? 0, offset: try reader.integer("offset") ?? 0,
            limit: try reader.integer("limit") ?? 0, consumers: try reader.models("consumers") ?? [])
    }
}

extension APIError: JSONValueDecodable {
    public init(json: JSONValue) throws(JSONShapeError) {
        let reader = try JSONObjectReader(json, type: "APIError")
        self.init(
            code: try reader.integer("code") ?? 0, errCode: try reader.integer("err_code") ?? 0,
            description: try reader.string("description") ?? "")
    }
}
