import Foundation

/// A JetStream API reply: either the expected body or an `error` object.
public enum APIResponse<Value: Decodable & Sendable>: Sendable {
    case success(Value)
    case failure(APIError)

    private struct ErrorEnvelope: Decodable { var error: APIError? }

    /// Decodes `data` as an error envelope first, then as `Value`.
    public static func decode(_ data: Data, decoder: JSONDecoder = JSONDecoder()) throws -> APIResponse<Value> {
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
