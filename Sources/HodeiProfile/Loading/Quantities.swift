import Foundation

/// Durations and sizes as written in profiles, and back.
public enum Quantities {
    static let durationUnits: [(String, Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]

    /// `500ms`, `30s`, `1h30m`, `7d`, `0` → nanoseconds; nil when malformed or overflowing.
    public static func parseDuration(_ text: String) -> Int64? {
        let text = trimmed(text)
        if text == "0" { return 0 }
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { $0.isLetter || $0 == "µ" }
            // Longest unit first so `ms` is not read as `m` followed by garbage.
            guard let unit = durationUnits.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            let (product, overflow1) = number.multipliedReportingOverflow(by: unit.1)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
        }
        return total
    }

    /// Spaces and tabs off both ends, without Foundation's CharacterSet (hot in large profiles).
    static func trimmed(_ text: some StringProtocol) -> Substring {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }

    /// Nanoseconds → the shortest canonical text (`90m` → `1h30m`, `7d`).
    public static func formatDuration(_ nanos: Int64) -> String {
        if nanos == 0 { return "0s" }
        if nanos < 0 { return "\(nanos)ns" }
        var rest = nanos
        var text = ""
        for (unit, size) in [("d", Int64(86_400_000_000_000)), ("h", 3_600_000_000_000), ("m", 60_000_000_000),
                             ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000), ("ns", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    static let sizeUnits: [(String, Int64)] = [
        ("B", 1), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40),
    ]

    /// `512MiB`, `10GiB`, `1GB`, `1048576` → bytes; nil when malformed or overflowing.
    public static func parseSize(_ text: String) -> Int64? {
        let text = trimmed(text)
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int64(digits) else { return nil }
        let unitText = trimmed(text.dropFirst(digits.count))
        if unitText.isEmpty { return number }
        guard let unit = sizeUnits.first(where: { $0.0 == unitText }) else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: unit.1)
        return overflow ? nil : product
    }

    /// Bytes → `5GiB`, `1GB` or plain bytes, whichever is exact; -1 → `unlimited`.
    public static func formatSize(_ bytes: Int64) -> String {
        if bytes < 0 { return "unlimited" }
        if bytes == 0 { return "0" }
        for (unit, size) in [("TiB", Int64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
                             ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000)]
        where bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return "\(bytes)"
    }
}
