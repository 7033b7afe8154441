/// Text that must never reach a log, an error or a terminal: seeds, private keys, tokens.
/// `description`, `debugDescription` and reflection (`dump`, string interpolation) are masked;
/// the text is reachable only through `exposedText`, which names the intent at the call site.
public struct SecretString: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The secret itself: write it to a 0600 file or hand it to a library, never print it.
    public var exposedText: String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "SecretString(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
