import Foundation
import HodeiProfile
import Testing

/// `explain` of dev.profile against a recorded golden file. Re-record with HODEI_RECORD_GOLDEN=1.
struct GoldenExplainTests {
    static let golden = Fixtures.repository + "/Tests/HodeiProfileTests/Fixtures/golden/dev.explain.yaml"

    @Test func devExplainMatchesGolden() throws {
        let profile = try Fixtures.loader().load(path: Fixtures.example("dev.profile"))
        let actual = ProfileExplainer.explain(profile)
        if ProcessInfo.processInfo.environment["HODEI_RECORD_GOLDEN"] == "1" {
            try actual.write(toFile: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: Self.golden, encoding: .utf8)
        #expect(actual == expected, "explain differs from \(Self.golden) (HODEI_RECORD_GOLDEN=1 re-records):\n\(Self.diff(expected, actual))")
    }

    @Test func explainedProfileLoadsBackToTheSameTenants() throws {
        let profile = try Fixtures.loader().load(path: Fixtures.example("dev.profile"))
        let text = ProfileExplainer.explain(profile)
        let yaml = String(text[..<(text.range(of: "\n# derived permissions")?.lowerBound ?? text.endIndex)])
        let file = Fixtures.repository + "/profiles/explained.profile"
        let reloaded = try ProfileLoader(environment: [:], readFile: { $0 == file ? yaml : nil }).load(path: file)
        #expect(reloaded.tenants == profile.tenants)
        #expect(reloaded.bus == profile.bus)
        #expect(reloaded.servers == profile.servers)
    }

    /// A line diff good enough to see what changed.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : nil
            let right = index < b.count ? String(b[index]) : nil
            if left != right {
                if let left { lines.append("\(index + 1)- \(left)") }
                if let right { lines.append("\(index + 1)+ \(right)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
