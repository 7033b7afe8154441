import ArgumentParser
import HodeiProfile

extension HodeiProvisionCommand {
    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of the profile language.",
            discussion: """
            Generated from the same key table the loader checks against, so it never drifts from
            what `validate` accepts. Editors use it for completion and inline checks.

            Examples:
              hodei-provision schema > profile.schema.json
              # VS Code (redhat.vscode-yaml), settings.json:
              #   "yaml.schemas": { "./profile.schema.json": "profiles/*.profile" }
              # or at the top of a profile:
              #   # yaml-language-server: $schema=../profile.schema.json
            """)

        enum Output: String, ExpressibleByArgument, CaseIterable {
            case json, markdown
        }

        @Option(help: "json: the JSON Schema; markdown: the key reference used in docs/profile.md.")
        var format: Output = .json

        func run() async throws {
            switch format {
            case .json: print(ProfileJSONSchema.rendered())
            case .markdown: print(ProfileReference.markdown(), terminator: "")
            }
        }
    }
}
