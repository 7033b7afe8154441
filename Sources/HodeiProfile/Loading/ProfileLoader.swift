import Foundation

/// Reads a profile: YAML with locations, `extends` chains, `defaults`, `${VAR}` and `file:` references,
/// units and ranges, unknown keys. Throws `ProfileValidationError` (stage `.loading`) with every
/// problem found; a profile it returns is well-typed but not yet validated (`ProfileValidator`).
public struct ProfileLoader: Sendable {
    /// Variables for `${VAR}`; injected so tests never touch the process environment.
    public let environment: [String: String]
    /// Reads a file's text (profiles, `file:` secrets); nil when it cannot be read.
    public let readFile: @Sendable (String) -> String?

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        readFile: @escaping @Sendable (String) -> String? = ProfileLoader.readFromDisk
    ) {
        self.environment = environment
        self.readFile = readFile
    }

    @Sendable public static func readFromDisk(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Loads the profile at `path` (relative paths stay relative in messages).
    public func load(path: String) throws -> Profile {
        let file = SchemaDecoder.normalise(path)
        guard let text = readFile(file) else {
            throw ProfileValidationError(stage: .loading, issues: [ProfileIssue(
                .error, rule: "file-unreadable", at: nil, keyPath: "",
                message: "cannot read profile \(path)", hint: "check the path and permissions")])
        }
        return try load(text: text, file: file)
    }

    /// Loads profile text as if it were the file `file` (used by tests and the fuzzer).
    public func load(text: String, file: String) throws -> Profile {
        var issues: [ProfileIssue] = []
        var files: [String] = []
        guard let merged = resolveExtends(text: text, file: file, chain: [], files: &files, issues: &issues) else {
            throw ProfileValidationError(stage: .loading, issues: issues)
        }
        let effective = applyDefaults(merged)
        var decoder = SchemaDecoder(expander: VariableExpander(environment: environment), readSecretFile: readFile)
        let root = SourceLocation(file: file, line: 1, column: 1)
        let document = decoder.decode(effective, as: ProfileSchema.root, path: "", keyLocation: root)
        issues += decoder.issues
        var locations = decoder.locations
        locations[""] = root
        var builder = ModelBuilder(locations: locations)
        let profile = builder.profile(document ?? .object([]), sourceFiles: files)
        issues += builder.issues
        if let version = document?["profile"]?.int, version != 1 {
            issues.append(ProfileIssue(.error, rule: "unsupported-version", at: locations["profile"], keyPath: "profile",
                                       message: "profile format \(version) is not supported", hint: "write profile: 1"))
        }
        guard issues.isEmpty, document != nil else {
            throw ProfileValidationError(stage: .loading, issues: issues)
        }
        return profile
    }

    /// Follows `extends` (paths relative to the extending file), merging child over parent.
    private func resolveExtends(
        text: String, file: String, chain: [String], files: inout [String], issues: inout [ProfileIssue]
    ) -> LocatedNode? {
        let node: LocatedNode
        switch YAMLReader.read(text, file: file) {
        case let .success(parsed): node = parsed
        case let .failure(issue):
            issues.append(issue)
            return nil
        }
        guard case .mapping = node else {
            issues.append(ProfileIssue(.error, rule: "wrong-type", at: node.location, keyPath: "",
                                       message: "a profile must be a mapping of keys, found \(node.kindName)",
                                       hint: "start with 'profile: 1'"))
            return nil
        }
        files.append(file)
        guard let extends = node.entry("extends") else { return node }
        guard case let .scalar(raw, _, location) = extends.value, !raw.isEmpty else {
            issues.append(ProfileIssue(.error, rule: "wrong-type", at: extends.value.location, keyPath: "extends",
                                       message: "extends must be a file path", hint: "write extends: base.profile"))
            return nil
        }
        let parentFile = SchemaDecoder.resolve(raw, relativeTo: file)
        let visited = chain + [file]
        if visited.contains(parentFile) {
            let start = ProfileExplainer.parent(of: visited[0])
            let cycle = (visited.drop { $0 != parentFile } + [parentFile])
                .map { ProfileExplainer.relative($0, to: start) }.joined(separator: " → ")
            issues.append(ProfileIssue(.error, rule: "extends-cycle", at: location, keyPath: "extends",
                                       message: "extends forms a cycle: \(cycle)", hint: "remove one of the extends in the chain"))
            return nil
        }
        guard let parentText = readFile(parentFile) else {
            issues.append(ProfileIssue(.error, rule: "extends-missing", at: location, keyPath: "extends",
                                       message: "extended profile \(raw) cannot be read",
                                       hint: "the path is relative to the directory of this profile"))
            return nil
        }
        guard let parent = resolveExtends(text: parentText, file: parentFile, chain: visited, files: &files, issues: &issues) else {
            return nil
        }
        // `abstract` describes one file; it is not inherited.
        return node.removing(key: "extends").merged(over: parent.removing(key: "abstract"))
    }

    /// Merges `defaults` under every tenant (tenant values win).
    private func applyDefaults(_ root: LocatedNode) -> LocatedNode {
        guard let defaults = root["defaults"], case .mapping = defaults,
              let tenantsEntry = root.entry("tenants"), case let .mapping(tenants, location) = tenantsEntry.value
        else { return root }
        let merged = tenants.map { entry -> LocatedNode.Entry in
            var tenant = entry.value
            if case let .scalar(text, true, at) = tenant, text.isEmpty || text == "null" || text == "~" {
                tenant = .mapping([], at)
            }
            guard case .mapping = tenant else { return entry }
            return LocatedNode.Entry(key: entry.key, keyLocation: entry.keyLocation, value: tenant.merged(over: defaults))
        }
        return root.setting(key: "tenants", to: .mapping(merged, location), keyLocation: tenantsEntry.keyLocation)
    }
}
