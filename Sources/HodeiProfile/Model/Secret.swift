/// A secret value read from `file:path` or an environment variable.
///
/// Its description, debug description and reflection never show the value, so a secret cannot
/// leak through string interpolation, logging or `dump`. Only `reveal()` returns it, for the code
/// that writes it where it belongs (a server config, a creds file).
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Where the value comes from, as written (`file:../secrets/pw`, `${NATS_PASSWORD}`).
    public let reference: String
    private let value: String

    public init(reference: String, value: String) {
        self.reference = reference
        self.value = value
    }

    public func reveal() -> String { value }

    public var description: String { "<secret from \(reference)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["reference": reference]) }
}
