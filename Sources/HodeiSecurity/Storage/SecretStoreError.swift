/// A secret store failure: the path, what went wrong, and the fix. Never holds file content.
public struct SecretStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case invalidName
        case notADirectory
        case system(operation: String, errno: Int32)
        case insecureFileMode(UInt16)
        case unreadable(String)
        case wrongKeyType(expected: NKeyType, actual: NKeyType)
        case issueFailed(String)
        case cannotCreateDirectory(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .invalidName:
            return "\(path): invalid secret name; use letters, digits, '.', '-', '_' and no leading '.'"
        case .notADirectory:
            return "\(path): exists and is not a directory; move it away or choose another auth.secrets_dir"
        case .system(let operation, let code):
            return "\(path): \(operation) failed (errno \(code)); check ownership and free space"
        case .insecureFileMode(let mode):
            return "\(path): mode \(String(mode, radix: 8)) lets other users read a secret; "
                + "treat it as leaked: rotate it, or `chmod 600` it if it never left this machine"
        case .unreadable(let detail):
            return "\(path): \(detail); the file is not regenerated automatically: restore it from a backup or delete it to create a new one"
        case .wrongKeyType(let expected, let actual):
            return "\(path): holds a \(actual) seed, expected a \(expected) seed; the file was overwritten or the name reused"
        case .cannotCreateDirectory(let detail):
            return "\(path): cannot create the secrets directory (\(detail)); check that the parent is writable"
        case .issueFailed(let detail):
            return "\(path): \(detail); nothing was written"
        }
    }
}
