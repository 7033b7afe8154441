import Foundation
import HodeiProfile
import HodeiTestSupport
import Testing

/// Random mutations of the example profiles never crash the loader or validator and always end in
/// either a profile or issues that carry a location.
struct ProfileFuzzTests {
    static let junk = ["[1, 2]", "{a: b}", "yes", "-5", "99999999999999999999999", "\"\"", "unlimited", "7d", "~", "${UNSET_FUZZ}",
                       "file:nowhere", "'", "\"unterminated", "&anchor x", "*alias", "!!binary AAAA", "0x10", "1e400", ">", "hodei.*.>"]
    static let keys = ["max_agee", "subjects", "replicas", "consumers", "tenants", "x", "ack", "filter", "tls", "extends", "backoff"]

    static func mutate(_ text: String, using rng: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return text }
        let index = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: lines.remove(at: index)
        case 1:
            let other = Int.random(in: 0..<lines.count, using: &rng)
            let a = lines[index].split(separator: ":", maxSplits: 1), b = lines[other].split(separator: ":", maxSplits: 1)
            if a.count == 2, b.count == 2 {
                lines[index] = "\(a[0]):\(b[1])"
                lines[other] = "\(b[0]):\(a[1])"
            }
        case 2:
            let indent = String(lines[index].prefix { $0 == " " })
            lines.insert("\(indent)\(keys.randomElement(using: &rng)!): \(junk.randomElement(using: &rng)!)", at: index)
        case 3:
            if let colon = lines[index].firstIndex(of: ":") {
                lines[index] = String(lines[index][...colon]) + " " + junk.randomElement(using: &rng)!
            }
        case 4:
            let joined = lines.joined(separator: "\n")
            return String(joined.prefix(Int.random(in: 0...joined.count, using: &rng)))
        case 5: lines.insert(lines[index], at: index)
        case 6:
            var line = Array(lines[index])
            line.insert(["\t", ":", "-", "{", "[", "#", "\"", " "].randomElement(using: &rng)!, at: Int.random(in: 0...line.count, using: &rng))
            lines[index] = String(line)
        default:
            lines[index] = " " + lines[index]
        }
        return lines.joined(separator: "\n")
    }

    @Test func mutatedExamplesGiveProfilesOrLocatedIssues() throws {
        let names = ["dev.profile", "staging.profile", "prod.profile", "base.profile"]
        var sources: [String: String] = [:]
        for name in names {
            sources[Fixtures.example(name)] = try String(contentsOfFile: Fixtures.example(name), encoding: .utf8)
        }
        var rng = SeededRandom(state: 0x4844_4549)
        var loaded = 0, rejected = 0
        for iteration in 0..<3000 {
            let name = names[iteration % names.count]
            let path = Fixtures.example(name)
            var text = sources[path]!
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutate(text, using: &rng) }
            var files = sources
            files[path] = text
            let frozen = files
            let loader = ProfileLoader(environment: [:], readFile: { frozen[$0] })
            do {
                let profile = try loader.load(path: path)
                let issues = ProfileValidator(options: ValidationOptions(readData: { _ in nil })).issues(in: profile)
                #expect(issues.allSatisfy { $0.location != nil }, "iteration \(iteration): \(issues.filter { $0.location == nil })")
                _ = PermissionDeriver.permissions(for: profile)
                _ = ProfileExplainer.explain(profile)
                loaded += 1
            } catch let error as ProfileValidationError {
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { $0.location != nil && !$0.message.isEmpty }, "iteration \(iteration): \(error.issues)")
                rejected += 1
            }
        }
        // Both outcomes must occur, or the mutations are not exercising anything.
        #expect(loaded > 100)
        #expect(rejected > 100)
    }
}
