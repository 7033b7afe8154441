/// Decodes the escapes of a JSON string (RFC 8259 §7), byte by byte. It serves the hand-written
/// parsers of HodeiBus (`JSONReader`) and HodeiPlan (`JSONParser`), which may not import each other:
/// each scans an escape-free string itself and only comes here at the first backslash.
///
/// Both parsers are on hot paths, so everything here is `@inlinable` and allocates nothing beyond
/// the array it returns.
public enum JSONEscapeDecoder {
    /// Decodes a string from its content start up to the closing quote. `start` is the first byte
    /// after the opening quote and `index` the first backslash in the string (or the end of input);
    /// the bytes between them are copied as they are. On return `index` is past the closing quote.
    ///
    /// Returns the content with every escape replaced by the UTF-8 it stands for. Unescaped bytes
    /// are not checked to be UTF-8: each caller reads them its own way (validating or repairing).
    @inlinable
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, contentStart start: Int, index: inout Int
    ) throws(JSONEscapeError) -> [UInt8] {
        var out = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return out
            }
            if byte < 0x20 { throw JSONEscapeError(.controlCharacter, at: index) }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): try appendUnicodeEscape(bytes, index: &index, to: &out)
            default: throw JSONEscapeError(.invalidEscape, at: index)
            }
        }
        throw JSONEscapeError(.unterminated, at: index)
    }

    /// Decodes the hex digits after `\u` (and, for a high surrogate, the `\uXXXX` low surrogate
    /// that must follow) and appends the scalar's UTF-8. A surrogate without its partner is refused.
    @inlinable
    static func appendUnicodeEscape(
        _ bytes: UnsafeRawBufferPointer, index: inout Int, to out: inout [UInt8]
    ) throws(JSONEscapeError) {
        var scalar = try hex4(bytes, index: &index)
        switch scalar {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONEscapeError(.unpairedHighSurrogate, at: index)
            }
            index += 2
            let low = try hex4(bytes, index: &index)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONEscapeError(.unpairedHighSurrogate, at: index) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONEscapeError(.unpairedLowSurrogate, at: index)
        default:
            break
        }
        // Both unwraps hold: no surrogate is left and a pair gives at most 0x10FFFF, so this is a
        // scalar, and every scalar has a UTF-8 encoding.
        out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
    }

    /// Reads the four hex digits of a `\u` escape.
    @inlinable
    static func hex4(_ bytes: UnsafeRawBufferPointer, index: inout Int) throws(JSONEscapeError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONEscapeError(.shortUnicodeEscape, at: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONEscapeError(.invalidHexDigit, at: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
