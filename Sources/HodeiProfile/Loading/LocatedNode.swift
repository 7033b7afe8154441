/// A YAML node that remembers the file, line and column it came from.
///
/// Yams' marks carry no file name; profiles merge nodes from several files (`extends`), so every
/// node carries its own full location.
indirect enum LocatedNode: Sendable, Equatable {
    case scalar(String, plain: Bool, SourceLocation)
    case mapping([Entry], SourceLocation)
    case sequence([LocatedNode], SourceLocation)

    struct Entry: Sendable, Equatable {
        var key: String
        var keyLocation: SourceLocation
        var value: LocatedNode
    }

    var location: SourceLocation {
        switch self {
        case let .scalar(_, _, location), let .mapping(_, location), let .sequence(_, location):
            return location
        }
    }

    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    subscript(key: String) -> LocatedNode? {
        guard case let .mapping(entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    func entry(_ key: String) -> Entry? {
        guard case let .mapping(entries, _) = self else { return nil }
        return entries.first { $0.key == key }
    }

    /// `base` overlaid by `self`: mappings merge key by key, everything else (lists included) replaces.
    func merged(over base: LocatedNode) -> LocatedNode {
        guard case let .mapping(mine, location) = self, case .mapping(var result, _) = base else {
            return self
        }
        for entry in mine {
            if let index = result.firstIndex(where: { $0.key == entry.key }) {
                // An explicit `null` in the child removes the inherited value.
                if case let .scalar(text, true, _) = entry.value, text == "null" || text == "~" {
                    result.remove(at: index)
                    continue
                }
                result[index].value = entry.value.merged(over: result[index].value)
                result[index].keyLocation = entry.keyLocation
            } else {
                result.append(entry)
            }
        }
        return .mapping(result, location)
    }

    func removing(key: String) -> LocatedNode {
        guard case let .mapping(entries, location) = self else { return self }
        return .mapping(entries.filter { $0.key != key }, location)
    }

    func setting(key: String, to value: LocatedNode, keyLocation: SourceLocation) -> LocatedNode {
        guard case .mapping(var entries, let location) = self else { return self }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
        }
        return .mapping(entries, location)
    }
}
