/// Renders config values for people: durations as `1h30m`, counts as `12,345`, strings unquoted.
public enum ValueFormatter {
    /// `nil` (absent, i.e. the server default) renders as `(unset)`.
    public static func format(_ value: JSONValue?, display: FieldDisplay = .plain) -> String {
        guard let value else { return "(unset)" }
        switch (display, value) {
        case (.duration, _):
            if let ns = value.intValue { return duration(ns) }
        case (.durations, .array(let items)):
            return "[" + items.map { format($0, display: .duration) }.joined(separator: ", ") + "]"
        default:
            break
        }
        switch value {
        case .string(let text): return text
        case .array(let items): return "[" + items.map { format($0) }.joined(separator: ", ") + "]"
        default: return value.canonicalText
        }
    }

    /// The display of a field of a kind, from the catalogue.
    public static func format(_ value: JSONValue?, field: String, kind: ResourceKind) -> String {
        format(value, display: FieldCatalogue.fields(for: kind)[field]?.display ?? .plain)
    }

    /// Nanoseconds as Go prints durations, shortened: `2h`, `1h30m`, `45s`, `1.5s`, `250ms`, `0s`.
    public static func duration(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        if nanoseconds < 0 { return "-" + duration(-nanoseconds) }
        let ms: Int64 = 1_000_000
        let second = 1_000 * ms
        if nanoseconds < ms { return "\(nanoseconds)ns" }
        if nanoseconds < second {
            return nanoseconds % ms == 0 ? "\(nanoseconds / ms)ms" : "\(nanoseconds)ns"
        }
        if nanoseconds % second != 0 {
            if nanoseconds < 60 * second, nanoseconds % ms == 0 {
                let millis = nanoseconds / ms
                var fraction = String(millis % 1000)
                fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
                while fraction.hasSuffix("0") { fraction.removeLast() }
                return "\(millis / 1000).\(fraction)s"
            }
            return "\(nanoseconds)ns"
        }
        var seconds = nanoseconds / second
        var out = ""
        let hours = seconds / 3600
        seconds %= 3600
        let minutes = seconds / 60
        seconds %= 60
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if seconds > 0 { out += "\(seconds)s" }
        return out
    }

    /// `12345` → `12,345`.
    public static func grouped<N: BinaryInteger>(_ number: N) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (number < 0 ? "-" : "") + out
    }
}
