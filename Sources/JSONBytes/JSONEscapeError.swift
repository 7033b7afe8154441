/// Why `JSONEscapeDecoder` stopped, and the byte offset where it did. It carries no message: each
/// parser turns it into its own error type, worded as that parser always worded it.
public struct JSONEscapeError: Error, Sendable {
    public enum Reason: Sendable {
        /// The input ended before the closing quote.
        case unterminated
        /// A byte below 0x20, which JSON only allows escaped.
        case controlCharacter
        /// A backslash followed by something other than `"\/bfnrtu`.
        case invalidEscape
        /// Fewer than four bytes left after `\u`.
        case shortUnicodeEscape
        /// A byte after `\u` that is not a hex digit.
        case invalidHexDigit
        /// A high surrogate escape not followed by a low surrogate escape.
        case unpairedHighSurrogate
        /// A low surrogate escape with no high surrogate before it.
        case unpairedLowSurrogate
    }

    public let reason: Reason
    public let offset: Int

    @inlinable
    init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}
