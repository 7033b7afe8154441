/// The effective profile document after extends, defaults and variables, with typed scalars.
///
/// The model is built from it, and `explain` prints it in schema order.
indirect enum ProfileValue: Sendable, Equatable {
    case string(String)
    /// A path as written and resolved against the directory of the file that wrote it.
    case path(written: String, resolved: String)
    case int(Int64)
    case bool(Bool)
    case duration(Int64)
    case size(Int64)
    case secret(Secret)
    case list([ProfileValue])
    case object([Entry])

    struct Entry: Sendable, Equatable {
        let key: String
        let value: ProfileValue
    }

    subscript(key: String) -> ProfileValue? {
        guard case let .object(entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var entries: [Entry] {
        if case let .object(entries) = self { return entries }
        return []
    }

    var string: String? {
        switch self {
        case let .string(text): return text
        case let .path(written, _): return written
        default: return nil
        }
    }

    var int: Int64? {
        switch self {
        case let .int(value), let .duration(value), let .size(value): return value
        default: return nil
        }
    }

    var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    var list: [ProfileValue]? {
        if case let .list(items) = self { return items }
        return nil
    }
}
