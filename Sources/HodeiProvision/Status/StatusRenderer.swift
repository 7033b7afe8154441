/// The human table of `status`: per tenant the account usage, then one row per stream and one per
/// consumer, then the findings and a last line that says the outcome.
public struct StatusRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ report: StatusReport) -> String {
        var lines: [String] = []
        for tenant in report.tenants {
            lines.append(bold("Tenant \(tenant.name)"))
            if let error = tenant.error {
                lines.append("  " + paint("cannot read: \(error)", code: "31"))
                lines.append("")
                continue
            }
            if let account = tenant.account {
                lines.append("  account  " + account.named.map { name, figure in
                    "\(name) \(StatusFormat.figure(figure, bytes: name == "memory" || name == "storage"))"
                }.joined(separator: "  "))
            }
            if tenant.streams.isEmpty {
                lines.append("  (no streams)")
            } else {
                var rows: [[String]] = [["STREAM / CONSUMER", "MESSAGES", "BYTES", "REPLICAS / PENDING", "ACK PENDING", "REDELIVERED"]]
                for stream in tenant.streams {
                    rows.append([stream.name, StatusFormat.figure(stream.messages), StatusFormat.figure(stream.bytes, bytes: true),
                                 stream.replicas.summary, "", ""])
                    for consumer in stream.consumers {
                        rows.append(["  " + consumer.name, "", "", "\(consumer.pending)", "\(consumer.ackPending)",
                                     "\(consumer.redelivered)"])
                    }
                }
                lines += table(rows).map { "  " + $0 }
            }
            lines.append("")
        }
        if !report.findings.isEmpty {
            lines.append(bold("Thresholds exceeded:"))
            lines += report.findings.map { "  " + paint($0.description, code: "33") }
            lines.append("")
        }
        switch report.outcome {
        case .ok: lines.append(paint("Status: OK", code: "32"))
        case .thresholdExceeded: lines.append(paint("Status: \(report.findings.count) threshold(s) exceeded", code: "33"))
        case .error:
            let unreadable = report.tenants.filter { $0.error != nil }.map(\.name)
            lines.append(paint("Status: ERROR: cannot read \(unreadable.joined(separator: ", "))", code: "31"))
        }
        return lines.joined(separator: "\n")
    }

    /// Left-aligned columns, two spaces apart, trailing blanks trimmed.
    func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func paint(_ text: String, code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
