import ArgumentParser
import HodeiProfile

extension HodeiProvisionCommand {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check profiles offline: syntax, keys, values, roles, subjects, limits, TLS files.",
            discussion: """
            Loads each profile (extends, defaults, ${VAR} and file: references),
            checks every rule and prints ALL problems sorted by location, one per
            line, with the key path and a fix:

              profiles/prod.profile:41:19: error: tenants.acme.streams.LOGS.replicas:
                replicas 5 exceeds the 3 nodes of cluster hodei-prod
                (fix: set replicas to at most 3)

            Missing TLS files are warnings (`certs` creates them later); with
            --check-files they are errors. Exit status: 0 when every profile is
            valid (warnings allowed), 1 when any has an error.

            Examples:
              hodei-provision validate profiles/dev.profile
              hodei-provision validate profiles/*.profile --strict
              hodei-provision validate profiles/prod.profile --check-files
              hodei-provision validate profiles/staging.profile --format json
            """)

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Flag(name: .customLong("check-files"), help: "Missing TLS files are errors (default: warnings, since `certs` creates them later).")
        var checkFiles = false

        @Argument(help: "Profile files to check.")
        var profiles: [String]

        func run() async throws {
            let reporter = StageReporter(options: global)
            let validator = ProfileValidator(options: ValidationOptions(strict: strict, checkFiles: checkFiles))
            let loader = ProfileLoader()
            var results: [JSONValue] = []
            var failed = false
            for path in profiles {
                var issues: [ProfileIssue] = []
                var stage = StageReporter.Stage.validating
                do {
                    let profile = try loader.load(path: path)
                    issues = validator.issues(in: profile)
                } catch let error as ProfileValidationError {
                    issues = error.issues
                    stage = StageReporter.stage(of: error)
                }
                let valid = !issues.contains { $0.severity == .error }
                failed = failed || !valid
                switch global.format {
                case .text:
                    for line in reporter.textLines(issues, stage: stage) { print(line) }
                    let errors = issues.filter { $0.severity == .error }.count
                    print("\(path): \(valid ? "valid" : "invalid") (\(errors) error(s), \(issues.count - errors) warning(s))")
                case .json:
                    results.append(.object([
                        "file": .string(path), "valid": .bool(valid), "stage": .string(stage.rawValue),
                        "issues": .array(issues.map(\.json)),
                    ]))
                }
            }
            if global.format == .json {
                print(JSONValue.object(["valid": .bool(!failed), "profiles": .array(results)]).rendered())
            }
            if failed { throw StageReporter.exitCode(for: .validating) }
        }
    }
}
