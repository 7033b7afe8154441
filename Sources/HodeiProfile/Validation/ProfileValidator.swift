/// Checks a loaded profile against every rule (names, subjects, overlaps, roles, replicas, limits,
/// consumers, TLS, plaintext, server features). Collects all problems; never stops at the first.
public struct ProfileValidator: Sendable {
    public let options: ValidationOptions

    public init(options: ValidationOptions = ValidationOptions()) { self.options = options }

    /// Every issue, sorted by location; with `strict`, warnings are reported as errors.
    public func issues(in profile: Profile) -> [ProfileIssue] {
        var collector = IssueCollector(profile: profile)
        EnvironmentRules.check(profile, into: &collector)
        TLSRules(options: options).check(profile, into: &collector)
        for tenant in profile.tenants {
            TenantRules.check(tenant, in: profile, into: &collector)
        }
        if profile.isAbstract, let defaults = profile.defaults {
            TenantRules.check(defaults, in: profile, into: &collector)
        }
        let issues = collector.issues.map { options.strict && $0.severity == .warning ? $0.with(severity: .error) : $0 }
        return Array(Set(issues)).sorted()
    }

    /// Returns the warnings of a valid profile; throws `ProfileValidationError` (stage `.validating`)
    /// with all issues when there is at least one error.
    @discardableResult
    public func validate(_ profile: Profile) throws -> [ProfileIssue] {
        let found = issues(in: profile)
        if found.contains(where: { $0.severity == .error }) {
            throw ProfileValidationError(stage: .validating, issues: found)
        }
        return found
    }
}

extension ProfileLoader {
    /// Load and validate in one step (what `validate` and `explain` do).
    public func loadValidated(path: String, options: ValidationOptions = ValidationOptions()) throws -> (Profile, [ProfileIssue]) {
        let profile = try load(path: path)
        return (profile, try ProfileValidator(options: options).validate(profile))
    }
}
