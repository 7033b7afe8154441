import Foundation

/// How strictly to validate, and the outside world the TLS checks read (injectable for tests).
public struct ValidationOptions: Sendable {
    /// Warnings become errors.
    public var strict: Bool
    /// Missing TLS files are errors instead of warnings (also per profile: `tls.check_files`).
    public var checkFiles: Bool
    /// "Now" for certificate expiry.
    public var now: Date
    /// Certificates expiring within this many seconds give a warning.
    public var expiryWarning: TimeInterval
    public var readData: @Sendable (String) -> Data?

    public init(
        strict: Bool = false, checkFiles: Bool = false, now: Date = Date(), expiryWarning: TimeInterval = 30 * 86_400,
        readData: @escaping @Sendable (String) -> Data? = { FileManager.default.contents(atPath: $0) }
    ) {
        self.strict = strict
        self.checkFiles = checkFiles
        self.now = now
        self.expiryWarning = expiryWarning
        self.readData = readData
    }
}
