/// Counts per action; executable steps only in create/update/replace/delete.
public struct PlanSummary: Sendable, Hashable, Codable {
    public var create = 0
    public var update = 0
    public var replace = 0
    public var delete = 0
    public var blocked = 0
    public var unmanaged = 0
    public var errors = 0
    public var unchanged = 0

    public init(_ resources: [PlannedResource]) {
        for resource in resources {
            if resource.impliedBy != nil { continue }
            if resource.blocked != nil, resource.action != .error, resource.action != .unmanaged {
                blocked += 1
                continue
            }
            switch resource.action {
            case .create: create += 1
            case .update: update += 1
            case .replace: replace += 1
            case .delete: delete += 1
            case .noChange: unchanged += 1
            case .unmanaged: unmanaged += 1
            case .error: errors += 1
            }
        }
    }

    /// True when nothing is to be done or reported.
    public var isEmpty: Bool { create + update + replace + delete + blocked + unmanaged + errors == 0 }

    /// "N to create, M to update, K to replace, D to delete." plus blocked/unmanaged/errors when present,
    /// or "No changes." when there is nothing at all.
    public var text: String {
        if isEmpty { return "No changes." }
        var line = "\(create) to create, \(update) to update, \(replace) to replace, \(delete) to delete."
        var extra: [String] = []
        if blocked > 0 { extra.append("\(blocked) blocked") }
        if unmanaged > 0 { extra.append("\(unmanaged) not managed") }
        if errors > 0 { extra.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if !extra.isEmpty { line += " " + extra.joined(separator: ", ") + "." }
        return line
    }

    enum CodingKeys: String, CodingKey {
        case create, update, replace, delete, blocked, unmanaged, errors, unchanged, text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        create = try c.decode(Int.self, forKey: .create)
        update = try c.decode(Int.self, forKey: .update)
        replace = try c.decode(Int.self, forKey: .replace)
        delete = try c.decode(Int.self, forKey: .delete)
        blocked = try c.decode(Int.self, forKey: .blocked)
        unmanaged = try c.decode(Int.self, forKey: .unmanaged)
        errors = try c.decode(Int.self, forKey: .errors)
        unchanged = try c.decode(Int.self, forKey: .unchanged)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(create, forKey: .create)
        try c.encode(update, forKey: .update)
        try c.encode(replace, forKey: .replace)
        try c.encode(delete, forKey: .delete)
        try c.encode(blocked, forKey: .blocked)
        try c.encode(unmanaged, forKey: .unmanaged)
        try c.encode(errors, forKey: .errors)
        try c.encode(unchanged, forKey: .unchanged)
        try c.encode(text, forKey: .text)
    }
}
