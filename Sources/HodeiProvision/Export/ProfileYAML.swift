import HodeiProfile

/// Scalars for exported profiles: `YAMLWriter`'s, with `y` and `n` quoted as well (YAML 1.1 reads
/// them as booleans), so an export reads back the same in other YAML tools, not only in the loader.
enum ProfileYAML {
    private static let yaml11Booleans: Set<String> = ["y", "n"]

    static func scalar(_ text: String) -> String { YAMLWriter.scalar(text, alsoQuoting: yaml11Booleans) }

    /// A mapping key: plain when safe, quoted otherwise (metadata keys may hold anything).
    static func key(_ text: String) -> String { scalar(text) }

    static func list(_ items: [String]) -> String { YAMLWriter.list(items, alsoQuoting: yaml11Booleans) }
}
