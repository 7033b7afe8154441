import Foundation

/// ISO-8601 UTC timestamps with microseconds, `2026-11-29T00:09:54.123456Z`, formatted and parsed
/// by hand: `ISO8601DateFormatter` costs microseconds per call, which the 100k-event publish
/// benchmark cannot afford. Dates are normalised to whole microseconds so a round trip is exact.
enum UTCTimestamp {
    /// Seconds between 1970-01-01 and Foundation's reference date 2001-01-01.
    private static let referenceOffsetMicros: Int64 = 978_307_200 * 1_000_000

    /// Whole microseconds since 2001-01-01 (rounded): the exact value the wire carries.
    @inline(__always)
    static func micros(of date: Date) -> Int64 {
        Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded())
    }

    @inline(__always)
    static func date(micros: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(micros) / 1_000_000)
    }

    /// `date` truncated to what the wire format can carry.
    static func normalized(_ date: Date) -> Date {
        self.date(micros: micros(of: date))
    }

    static func format(_ date: Date) -> String {
        var out = [UInt8]()
        out.reserveCapacity(27)
        write(date, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the 27 bytes of `2026-11-29T00:09:54.123456Z` (no allocation beyond `out`).
    static func write(_ date: Date, into out: inout [UInt8]) {
        let unixMicros = micros(of: date) + referenceOffsetMicros
        var seconds = unixMicros / 1_000_000
        var fraction = unixMicros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        func digits(_ value: Int64, _ width: Int, _ out: inout [UInt8]) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: 48 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        digits(year, 4, &out); out.append(UInt8(ascii: "-"))
        digits(month, 2, &out); out.append(UInt8(ascii: "-"))
        digits(day, 2, &out); out.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2, &out); out.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2, &out); out.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2, &out); out.append(UInt8(ascii: "."))
        digits(fraction, 6, &out); out.append(UInt8(ascii: "Z"))
    }

    /// Accepts `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` (UTC only; digits beyond microseconds are dropped).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  bytes[bytes.count - 1] == UInt8(ascii: "Z") else { return nil }
            func number(_ start: Int, _ count: Int) -> Int64? {
                var value: Int64 = 0
                for i in start..<(start + count) {
                    let d = Int64(bytes[i]) - 48
                    guard d >= 0, d <= 9 else { return nil }
                    value = value * 10 + d
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
            else { return nil }
            var fraction: Int64 = 0
            let end = bytes.count - 1
            if end > 19 {
                guard bytes[19] == UInt8(ascii: "."), end - 20 >= 1, end - 20 <= 9,
                      let f = number(20, end - 20) else { return nil }
                var scaled = f
                var places = end - 20
                while places < 6 { scaled *= 10; places += 1 }
                while places > 6 { scaled /= 10; places -= 1 }
                fraction = scaled
            } else if end != 19 {
                return nil
            }
            let days = daysFromCivil(year: year, month: month, day: day)
            let unixMicros = ((days * 86_400) + hour * 3600 + minute * 60 + second) * 1_000_000 + fraction
            return date(micros: unixMicros - referenceOffsetMicros)
        }
    }

    // Howard Hinnant's civil-date algorithms (proleptic Gregorian, days since 1970-01-01).
    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysFromCivil(year y0: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
