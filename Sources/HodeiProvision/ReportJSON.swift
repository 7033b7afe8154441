import Foundation

/// How every `--format json` report is printed: pretty, keys sorted (stable diffs for tools and
/// people), slashes not escaped (paths stay readable), one trailing newline.
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T, with encoder: JSONEncoder = JSONEncoder()) throws -> Data {
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
