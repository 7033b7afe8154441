import Foundation

/// The error object of a `$JS.API` response: `{"error":{"code":N,"err_code":N,"description":"..."}}`.
struct JetStreamAPIErrorBody: Decodable {
    struct Detail: Decodable {
        var code: Int
        var err_code: Int?
        var description: String?
    }

    var error: Detail?
}

enum JetStreamAPIResponse {
    /// Throws `.jetStream` when `data` is an API error, `.invalidResponse` when it is not JSON.
    static func checkError(_ data: [UInt8], operation: @autoclosure () -> String) throws(NATSError) {
        let body: JetStreamAPIErrorBody
        do {
            body = try JSONDecoder().decode(JetStreamAPIErrorBody.self, from: Data(data))
        } catch {
            throw NATSError(kind: .invalidResponse, operation: operation(),
                            detail: "not a JetStream API response: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        if let detail = body.error {
            throw NATSError(kind: .jetStream, operation: operation(), detail: detail.description ?? "",
                            jetStreamCode: detail.code, jetStreamErrorCode: detail.err_code)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: [UInt8], operation: @autoclosure () -> String) throws(NATSError) -> T {
        try checkError(data, operation: operation())
        do {
            return try JSONDecoder().decode(type, from: Data(data))
        } catch {
            throw NATSError(kind: .invalidResponse, operation: operation(), detail: "\(error)")
        }
    }
}
