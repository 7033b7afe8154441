import Foundation

/// A JetStream API reply: either the expected body or an `error` object.
public enum APIResponse<Value: Decodable & Sendable>: Sendable {
    case success(Value)
    case failure(APIError)

    private struct ErrorEnvelope: Decodable { var error: APIError? }

    /// Decodes `data` as an error envelope first, then as `Value`.
    public static func decode(_ data: Data, decoder: JSONDecoder = JSONDecoder()) throws -> APIResponse<Value> {
        if Value.self is any JSONValueDecodable.Type {
            return try data.withUnsafeBytes { try decode(parsing: $0) }
        }
        return try decodeWithFoundation(data, decoder: decoder)
    }

    /// `decode` from raw bytes (a NATS reply payload) without copying them into `Data` first.
    public static func decode(bytes: [UInt8]) throws -> APIResponse<Value> {
        if Value.self is any JSONValueDecodable.Type {
            return try bytes.withUnsafeBytes { try decode(parsing: $0) }
        }
        return try decodeWithFoundation(Data(bytes), decoder: JSONDecoder())
    }

    /// One pass: parse to `JSONValue`, then the error envelope or `Value` from it.
    private static func decode(parsing bytes: UnsafeRawBufferPointer) throws -> APIResponse<Value> {
        let json = try JSONParser.parse(bytes)
        guard case .object(let members) = json else {
            throw JSONShapeError(path: "\(Value.self)", reason: "expected an object")
        }
        if let error = members["error"], error != .null {
            return .failure(try APIError(json: error))
        }
        // Checked by the caller: Value conforms.
        let type = Value.self as! any JSONValueDecodable.Type
        return .success(try type.init(json: json) as! Value)
    }

    private static func decodeWithFoundation(_ data: Data, decoder: JSONDecoder) throws -> APIResponse<Value> {
        if let error = try decoder.decode(ErrorEnvelope.self, from: data).error {
            return .failure(error)
        }
        return .success(try decoder.decode(Value.self, from: data))
    }

    /// The value, or the API error thrown.
    public func get() throws(APIError) -> Value {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }
}
