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
