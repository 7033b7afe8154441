import NATSClient

/// A failed request to the bookkeeping bucket, with the bucket, the operation and the server's answer.
public struct ProvisionBucketError: Error, CustomStringConvertible, Sendable {
    public var bucket: String
    public var operation: String
    public var cause: NATSError

    public init(bucket: String, operation: String, cause: NATSError) {
        self.bucket = bucket
        self.operation = operation
        self.cause = cause
    }

    /// The server refused a conditional write: someone else wrote the key first.
    public var isWrongLastSequence: Bool { cause.jetStreamErrorCode == 10071 }

    public var description: String {
        let fix: String
        switch cause.kind {
        case .noResponders:
            fix = "JetStream is not enabled for this account, or the user may not reach $JS.API"
        case .authorizationViolation:
            fix = "the connecting user needs publish rights on $JS.API.> and $KV.\(bucket).>"
        default:
            fix = "check that the server is reachable and JetStream has storage left"
        }
        return "KV bucket \(bucket): \(operation) failed: \(cause) (fix: \(fix))"
    }
}
