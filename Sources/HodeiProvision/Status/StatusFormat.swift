import Foundation

/// Number formats shared by the status table and findings.
enum StatusFormat {
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return ">100%" }
        return value >= 10 || value == 0 ? "\(Int(value.rounded()))%" : String(format: "%.1f%%", value)
    }

    /// `512 B`, `1.5 KiB`, `10 GiB`.
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var size = Double(value)
        var unit = 0
        while size >= 1024, unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        if unit == 0 { return "\(value) B" }
        return size.rounded() == size ? "\(Int(size)) \(units[unit])" : String(format: "%.1f %@", size, units[unit])
    }

    /// `120 / 1000000 (0%)`, `120 / unlimited`.
    static func figure(_ figure: UsageFigure, bytes isBytes: Bool = false) -> String {
        func show(_ value: Int64) -> String { isBytes ? bytes(value) : String(value) }
        guard let limit = figure.limit else { return "\(show(figure.used)) / unlimited" }
        return "\(show(figure.used)) / \(show(limit)) (\(percent(figure.percent ?? 0)))"
    }
}
