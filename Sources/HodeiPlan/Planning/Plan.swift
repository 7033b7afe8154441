/// The result of planning: every selected resource with its action, in a deterministic order
/// (tenants, then streams, each stream followed by its consumers; names sorted).
/// JSON schema: docs/plan-format.md (`format_version` 1).
public struct Plan: Sendable, Hashable, Codable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var environment: String
    public var server: ServerCapabilities
    public var options: PlanOptions
    public var resources: [PlannedResource]

    public init(
        environment: String, server: ServerCapabilities, options: PlanOptions, resources: [PlannedResource],
        formatVersion: Int = Plan.currentFormatVersion
    ) {
        self.formatVersion = formatVersion
        self.environment = environment
        self.server = server
        self.options = options
        self.resources = resources
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case environment, server, options, summary, resources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        guard formatVersion == Plan.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: c,
                debugDescription: "plan format_version \(formatVersion) is not supported (this tool reads \(Plan.currentFormatVersion)); re-run plan with this version")
        }
        environment = try c.decode(String.self, forKey: .environment)
        server = try c.decode(ServerCapabilities.self, forKey: .server)
        options = try c.decode(PlanOptions.self, forKey: .options)
        resources = try c.decode([PlannedResource].self, forKey: .resources)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(environment, forKey: .environment)
        try c.encode(server, forKey: .server)
        try c.encode(options, forKey: .options)
        try c.encode(summary, forKey: .summary)
        try c.encode(resources, forKey: .resources)
    }

    public var summary: PlanSummary { PlanSummary(resources) }

    /// Anything to do or to look at: executable steps, blocked steps, unmanaged collisions or errors.
    /// (`plan --detailed-exitcode` and `drift` exit 2 on this.)
    public var hasChanges: Bool { resources.contains { $0.action != .noChange } }

    public var hasErrors: Bool { resources.contains { $0.action == .error } }

    /// Executable deletes and replaces: what the confirmation prompt must list.
    public var destructiveSteps: [PlannedResource] { resources.filter(\.isDestructive) }
}

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
