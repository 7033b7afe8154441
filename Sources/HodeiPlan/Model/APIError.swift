import Foundation

/// An error returned by the JetStream API: `{"error":{"code":N,"err_code":N,"description":"..."}}`.
public struct APIError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    /// HTTP-like status (400, 404, 500, 503).
    public var code: Int
    /// JetStream's own error code (10058 stream name in use with a different config, 10059 stream not found, ...).
    public var errCode: Int
    public var description: String

    public init(code: Int, errCode: Int, description: String) {
        self.code = code
        self.errCode = errCode
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case code, description
        case errCode = "err_code"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeIfPresent(Int.self, forKey: .code) ?? 0
        errCode = try c.decodeIfPresent(Int.self, forKey: .errCode) ?? 0
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public static let streamNotFound = 10059
    public static let consumerNotFound = 10014
    public static let streamNameInUse = 10058
    public static let consumerAlreadyExists = 10148
    public static let consumerDoesNotExist = 10149
    public static let invalidJSON = 10025
    public static let requiredAPILevel = 10185
}
