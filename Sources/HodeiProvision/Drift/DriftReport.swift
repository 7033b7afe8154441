import Foundation
import HodeiPlan

/// What `drift` found: every resource whose live state differs from the profile, for cron and CI.
///
/// JSON (stable; `format_version` changes only with a breaking change):
/// ```json
/// {"format_version":1,"environment":"prod","checked_at":"2026-11-29T01:00:00.000Z","drifted":true,
///  "errors":["acme: could not read the tenant's streams: ..."],
///  "resources":[{"address":"acme/HODEI_EVENTS","kind":"stream","action":"update","reason":null,
///                "blocked":null,"changes":[{"field":"max_age","old":...,"new":...}]}]}
/// ```
/// `action` is what `apply` would do (create = missing live, update/replace = differs, delete = managed
/// but gone from the profile, unmanaged = same name exists but is not this profile's).
public struct DriftReport: Sendable, Hashable, Encodable {
    public struct Resource: Sendable, Hashable, Encodable {
        public var address: String
        public var kind: String
        public var action: String
        public var reason: String?
        public var blocked: String?
        public var changes: [FieldChange]

        enum CodingKeys: String, CodingKey { case address, kind, action, reason, blocked, changes }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(address, forKey: .address)
            try c.encode(kind, forKey: .kind)
            try c.encode(action, forKey: .action)
            try c.encode(reason, forKey: .reason)
            try c.encode(blocked, forKey: .blocked)
            try c.encode(changes, forKey: .changes)
        }
    }

    public static let formatVersion = 1

    public var environment: String
    public var checkedAt: Date
    public var resources: [Resource]
    /// Tenants that could not be read and resources the planner could not judge: drift unknown.
    public var errors: [String]

    public var drifted: Bool { !resources.isEmpty }

    /// Drift of a plan made with default options (no prune, no adopt, no replace).
    public init(plan: Plan, checkedAt: Date = Date()) {
        environment = plan.environment
        self.checkedAt = checkedAt
        errors = plan.resources.filter { $0.action == .error }.map { "\($0.address): \($0.reason ?? "plan error")" }
        resources = plan.resources.filter { $0.action != .noChange && $0.action != .error && $0.impliedBy == nil }.map {
            Resource(address: $0.address.description, kind: $0.kind.rawValue, action: $0.action.rawValue,
                     reason: $0.reason, blocked: $0.blocked, changes: $0.changes)
        }
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case environment
        case checkedAt = "checked_at"
        case drifted, errors, resources
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(environment, forKey: .environment)
        try c.encode(ISO8601DateFormatter.withFractionalSeconds.string(from: checkedAt), forKey: .checkedAt)
        try c.encode(drifted, forKey: .drifted)
        try c.encode(errors, forKey: .errors)
        try c.encode(resources, forKey: .resources)
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    public func json() throws -> Data { try ReportJSON.encode(self) }

    /// One line per drifted resource, for people.
    public var text: String {
        var lines: [String] = []
        if resources.isEmpty && errors.isEmpty {
            lines.append("No drift: environment \(environment) matches its profile.")
        }
        for resource in resources {
            var line = "\(resource.address): \(Self.describe(resource.action))"
            if !resource.changes.isEmpty { line += " (" + resource.changes.map(\.field).joined(separator: ", ") + ")" }
            if let reason = resource.reason { line += " — \(reason)" }
            lines.append(line)
        }
        for error in errors { lines.append("error: \(error)") }
        if !resources.isEmpty { lines.append("Drift: \(resources.count) resource(s) differ from the profile.") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ action: String) -> String {
        switch action {
        case PlanAction.create.rawValue: return "missing on the server"
        case PlanAction.update.rawValue: return "differs (update in place would fix it)"
        case PlanAction.replace.rawValue: return "differs in a field that needs a replace"
        case PlanAction.delete.rawValue: return "managed by this profile but no longer in it"
        case PlanAction.unmanaged.rawValue: return "exists but is not managed by this profile"
        default: return action
        }
    }
}

extension Reconciler {
    /// Reads the live state and reports how it differs from the profile. Changes nothing.
    public func drift(targets: [ResourceAddress] = []) async -> DriftReport {
        DriftReport(plan: await plan(options: PlanOptions(targets: targets)).plan)
    }
}
