/// Who owns a live resource, read from the marker hodei-provision writes into it.
///
/// Servers ≥ 2.10: metadata `hodei.managed-by: hodei-provision`, `hodei.profile: <environment>` and, for
/// `prevent_delete`, `hodei.prevent-delete: "true"`.
/// Servers < 2.10 have no metadata (2.9 drops it silently), so the marker is a prefix of `description`:
/// `[hodei-provision:<environment>] <description>` or `[hodei-provision:<environment>:prevent-delete] ...`.
public enum Ownership: Sendable, Hashable {
    case unmanaged
    case managed(environment: String, preventDelete: Bool)

    public static let managedByKey = "hodei.managed-by"
    public static let managedByValue = "hodei-provision"
    public static let profileKey = "hodei.profile"
    public static let preventDeleteKey = "hodei.prevent-delete"
    static let descriptionPrefix = "[hodei-provision:"
    static let preventDeleteSuffix = ":prevent-delete"

    /// Reads the marker from a raw config (metadata first, then the description prefix).
    public init(fields: [String: JSONValue]) {
        let metadata = fields["metadata"]?.objectValue ?? [:]
        if metadata[Ownership.managedByKey]?.stringValue == Ownership.managedByValue {
            self = .managed(
                environment: metadata[Ownership.profileKey]?.stringValue ?? "",
                preventDelete: metadata[Ownership.preventDeleteKey]?.stringValue == "true")
            return
        }
        if let description = fields["description"]?.stringValue, description.hasPrefix(Ownership.descriptionPrefix),
            let close = description.firstIndex(of: "]")
        {
            var tag = description[description.index(description.startIndex, offsetBy: Ownership.descriptionPrefix.count)..<close]
            let preventDelete = tag.hasSuffix(Ownership.preventDeleteSuffix)
            if preventDelete { tag = tag.dropLast(Ownership.preventDeleteSuffix.count) }
            self = .managed(environment: String(tag), preventDelete: preventDelete)
            return
        }
        self = .unmanaged
    }

    public func isManaged(by environment: String) -> Bool {
        if case .managed(let owner, _) = self { return owner == environment }
        return false
    }

    public var preventsDelete: Bool {
        if case .managed(_, let preventDelete) = self { return preventDelete }
        return false
    }

    /// `fields` with this profile's marker written in (metadata when the server has it, else description).
    public static func stamp(
        _ fields: [String: JSONValue], environment: String, preventDelete: Bool, useMetadata: Bool
    ) -> [String: JSONValue] {
        var out = fields
        if useMetadata {
            var metadata = fields["metadata"]?.objectValue ?? [:]
            metadata[managedByKey] = .string(managedByValue)
            metadata[profileKey] = .string(environment)
            metadata[preventDeleteKey] = preventDelete ? "true" : nil
            out["metadata"] = .object(metadata)
        } else {
            let tag = descriptionPrefix + environment + (preventDelete ? preventDeleteSuffix : "") + "]"
            let text = fields["description"]?.stringValue ?? ""
            out["description"] = .string(text.isEmpty ? tag : tag + " " + text)
        }
        return out
    }
}
