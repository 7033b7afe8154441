/// The human plan, in the manner of Terraform:
/// `+` create, `~` update in place, `-/+` replace, `-` delete, `!` blocked, `=` exists but not managed,
/// `!!` error. Unchanged resources are not listed. Destructive steps are repeated in words at the end.
public struct PlanRenderer: Sendable {
    /// ANSI colour; the CLI passes `isatty(stdout) && !--no-color`.
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ plan: Plan) -> String {
        let summary = plan.summary
        if summary.isEmpty { return "No changes.\n" }
        var lines: [String] = []
        let level = plan.server.apiLevel.map { ", API level \($0)" } ?? ""
        lines.append("Plan for environment '\(plan.environment)' on nats-server \(plan.server.version)\(level):")
        lines.append("")
        for resource in plan.resources where resource.action != .noChange {
            lines += render(resource)
        }
        let destructive = plan.destructiveSteps.filter { $0.impliedBy == nil }
        if !destructive.isEmpty {
            lines.append("")
            lines.append(paint("Destructive steps:", .red, bold: true))
            for resource in destructive {
                lines.append("  " + PlanRenderer.describeDestructive(resource))
            }
        }
        lines.append("")
        lines.append(paint("Plan:", .none, bold: true) + " " + summary.text)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One destructive step in words, for the plan and the confirmation prompt, e.g.
    /// `replace acme/HODEI_EVENTS: storage file → memory cannot change in place; 12,345 messages would be lost`.
    public static func describeDestructive(_ resource: PlannedResource) -> String {
        var text = "\(resource.action.rawValue) \(resource.address)"
        var parts: [String] = []
        if resource.action == .replace {
            let fields = resource.changes.filter { $0.forcesReplacement != nil }.map { change in
                "\(change.field) \(ValueFormatter.format(change.old, field: change.field, kind: resource.kind)) → "
                    + "\(ValueFormatter.format(change.new, field: change.field, kind: resource.kind))"
            }
            parts.append(fields.joined(separator: ", ") + " cannot change in place")
        } else if let reason = resource.reason {
            parts.append(reason)
        }
        if let loss = resource.dataLoss.map(describe) { parts.append(loss) }
        if !parts.isEmpty { text += ": " + parts.joined(separator: "; ") }
        return text
    }

    static func describe(_ loss: DataLoss) -> String {
        if let messages = loss.messages {
            var text = "\(ValueFormatter.grouped(messages)) message\(messages == 1 ? "" : "s") would be lost"
            if let consumers = loss.consumers, consumers > 0 {
                text += " and \(consumers) consumer\(consumers == 1 ? "" : "s") removed"
            }
            return text
        }
        let pending = ValueFormatter.grouped(loss.pending ?? 0)
        let ackPending = ValueFormatter.grouped(loss.ackPending ?? 0)
        return "its position would be lost (\(pending) pending, \(ackPending) awaiting ack)"
    }

    private func render(_ resource: PlannedResource) -> [String] {
        let kind = resource.kind.rawValue
        let head: String
        let symbol: String
        let tint: Tint
        switch resource.action {
        case .create: (symbol, tint, head) = ("+", .green, "create \(kind)")
        case .update: (symbol, tint, head) = ("~", .yellow, "update \(kind) in place")
        case .replace: (symbol, tint, head) = ("-/+", .red, "replace \(kind)")
        case .delete: (symbol, tint, head) = ("-", .red, "delete \(kind)")
        case .unmanaged: (symbol, tint, head) = ("=", .cyan, resource.reason ?? "exists, not managed")
        case .error: (symbol, tint, head) = ("!!", .red, "error: " + (resource.reason ?? "cannot be planned"))
        case .noChange: return []
        }
        let blocked = resource.blocked != nil && resource.action != .unmanaged && resource.action != .error
        let shownSymbol = blocked ? "!" : symbol
        let shownTint: Tint = blocked ? .magenta : tint
        let padded = String(repeating: " ", count: max(0, 3 - shownSymbol.count)) + shownSymbol
        var line = paint(padded, shownTint, bold: true) + " " + paint(resource.address.description, .none, bold: true)
        line += ": " + head
        if blocked { line += " (blocked)" }
        var lines = [line]
        let indent = "      "
        for change in resource.changes {
            var text = indent + change.field + ": "
            text += ValueFormatter.format(change.old, field: change.field, kind: resource.kind) + " → "
            text += ValueFormatter.format(change.new, field: change.field, kind: resource.kind)
            if let refusal = change.forcesReplacement {
                text += " " + paint("# forces replacement: \(refusal)", .red)
            }
            lines.append(text)
        }
        // A blocked step's reason is repeated in its "blocked:" line.
        if [.create, .update, .delete].contains(resource.action), !blocked, let reason = resource.reason {
            lines.append(indent + "(" + reason + ")")
        }
        if let loss = resource.dataLoss, resource.impliedBy == nil {
            lines.append(indent + paint(PlanRenderer.describe(loss), .red))
        }
        if blocked, let reason = resource.blocked {
            lines.append(indent + paint("blocked: " + reason, .magenta))
        }
        return lines
    }

    private enum Tint: String {
        case none = ""
        case red = "31"
        case green = "32"
        case yellow = "33"
        case magenta = "35"
        case cyan = "36"
    }

    private func paint(_ text: String, _ tint: Tint, bold: Bool = false) -> String {
        guard color else { return text }
        let codes = (bold ? ["1"] : []) + (tint == .none ? [] : [tint.rawValue])
        guard !codes.isEmpty else { return text }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}
