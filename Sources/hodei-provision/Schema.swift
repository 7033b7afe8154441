import ArgumentParser
import HodeiProfile

extension HodeiProvisionCommand {
    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of the profile language.",
            discussion: """
            Generated from the key table the loader checks against, so it never
            drifts from what `validate` accepts. Editors use it for completion
            and inline checks; --format markdown prints the key reference of
            docs/profile.md.

            Examples:
              hodei-provision schema > profile.schema.json
              # VS Code (redhat.vscode-yaml), settings.json:
              #   "yaml.schemas": { "./profile.schema.json": "profiles/*.profile" }
              # or as the first line of a profile:
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
