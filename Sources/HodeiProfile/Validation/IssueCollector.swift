/// Accumulates issues, locating each key path through the profile's location table.
struct IssueCollector {
    let profile: Profile
    private(set) var issues: [ProfileIssue] = []

    init(profile: Profile) { self.profile = profile }

    mutating func error(_ rule: String, _ keyPath: String, _ message: String, hint: String = "") {
        add(.error, rule, keyPath, message, hint)
    }

    mutating func warning(_ rule: String, _ keyPath: String, _ message: String, hint: String = "") {
        add(.warning, rule, keyPath, message, hint)
    }

    mutating func add(_ severity: ProfileIssue.Severity, _ rule: String, _ keyPath: String, _ message: String, _ hint: String) {
        issues.append(ProfileIssue(severity, rule: rule, at: profile.location(of: keyPath), keyPath: keyPath,
                                   message: message, hint: hint))
    }
}
