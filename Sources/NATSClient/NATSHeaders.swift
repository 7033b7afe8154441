/// Message headers: each name maps to one or more values, names kept as sent.
public struct NATSHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [String: [String]] = [:]

    public init() {}
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        get { fields[name]?.first }
        set { fields[name] = newValue.map { [$0] } }
    }

    public func values(_ name: String) -> [String] { fields[name] ?? [] }
    public mutating func add(_ name: String, _ value: String) { fields[name, default: []].append(value) }
}
