/// A password or token from configuration. Its description is masked so it cannot leak through
/// string interpolation, `print`, logging or error text; read `revealed` only to hand it to NATS.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let revealed: String

    public init(_ value: String) {
        self.revealed = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
