import Yams

/// Turns profile text into a `LocatedNode` tree; YAML errors become located issues.
enum YAMLReader {
    static func read(_ text: String, file: String) -> Result<LocatedNode, ProfileIssue> {
        do {
            // No tag resolution: the schema types every scalar, and the default resolver runs regular
            // expressions on each plain scalar (half of the load time of a large profile).
            guard let root = try Yams.compose(yaml: text, .basic) else {
                return .success(.mapping([], SourceLocation(file: file, line: 1, column: 1)))
            }
            var duplicate: ProfileIssue?
            let node = convert(root, file: file, path: "", duplicate: &duplicate)
            if let duplicate { return .failure(duplicate) }
            return .success(node)
        } catch let error as YamlError {
            return .failure(issue(for: error, file: file))
        } catch {
            return .failure(ProfileIssue(
                .error, rule: "yaml-syntax", at: SourceLocation(file: file, line: 1, column: 1), keyPath: "",
                message: "cannot parse YAML: \(error)"))
        }
    }

    private static func convert(
        _ node: Node, file: String, path: String, duplicate: inout ProfileIssue?
    ) -> LocatedNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case let .scalar(scalar):
            return .scalar(scalar.string, plain: scalar.style == .plain, location)
        case let .mapping(mapping):
            var entries: [LocatedNode.Entry] = []
            for (key, value) in mapping {
                let keyLocation = SourceLocation(
                    file: file, line: key.mark?.line ?? location.line, column: key.mark?.column ?? location.column)
                let name = key.scalar?.string ?? "\(key)"
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if let first = entries.first(where: { $0.key == name }), duplicate == nil {
                    duplicate = ProfileIssue(
                        .error, rule: "duplicate-key", at: keyLocation, keyPath: childPath,
                        message: "key '\(name)' appears twice in this mapping (first at line \(first.keyLocation.line))",
                        hint: "keep one of them")
                }
                entries.append(.init(
                    key: name, keyLocation: keyLocation,
                    value: convert(value, file: file, path: childPath, duplicate: &duplicate)))
            }
            return .mapping(entries, location)
        case let .sequence(sequence):
            return .sequence(
                sequence.enumerated().map { index, child in
                    convert(child, file: file, path: "\(path)[\(index)]", duplicate: &duplicate)
                }, location)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one only shows as its text.
            return .scalar("\(node)", plain: true, location)
        }
    }

    private static func issue(for error: YamlError, file: String) -> ProfileIssue {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> ProfileIssue {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return ProfileIssue(
                .error, rule: "yaml-syntax", at: SourceLocation(file: file, line: mark.line, column: mark.column),
                keyPath: "", message: message, hint: "check indentation, quotes and ':' near this position")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return located(problem, mark, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ProfileIssue(
                .error, rule: "duplicate-key",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), keyPath: "",
                message: "duplicated key(s) \(duplicates.joined(separator: ", ")) in one mapping",
                hint: "keep one of them")
        default:
            return ProfileIssue(
                .error, rule: "yaml-syntax", at: SourceLocation(file: file, line: 1, column: 1), keyPath: "",
                message: "invalid YAML: \(error)")
        }
    }
}
