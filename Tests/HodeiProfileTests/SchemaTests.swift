import Foundation
import HodeiProfile
import Testing

/// The JSON Schema and docs/profile.md come from / match the loader's key table.
struct SchemaTests {
    static func keys(_ value: JSONValue, into keys: inout Set<String>) {
        switch value {
        case let .object(object):
            if case let .object(properties)? = object["properties"] {
                for (key, child) in properties {
                    keys.insert(key)
                    Self.keys(child, into: &keys)
                }
            }
            for (name, child) in object where name != "properties" { Self.keys(child, into: &keys) }
        case let .array(items):
            for item in items { Self.keys(item, into: &keys) }
        default: break
        }
    }

    @Test func schemaIsDraft2020WithClosedObjects() throws {
        guard case let .object(root) = ProfileJSONSchema.document() else { Issue.record("not an object"); return }
        #expect(root["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(root["additionalProperties"] == .bool(false))
        #expect(root["required"] == .array([.string("profile")]))
        let data = Data(ProfileJSONSchema.rendered().utf8)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
    }

    @Test func everyKeyIsDocumented() throws {
        var keys: Set<String> = []
        Self.keys(ProfileJSONSchema.document(), into: &keys)
        #expect(keys.count > 100)
        let docs = try String(contentsOfFile: Fixtures.repository + "/docs/profile.md", encoding: .utf8)
        let missing = keys.filter { !docs.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "undocumented keys: \(missing)")
    }

    @Test func schemaKnowsWhatTheLoaderAccepts() throws {
        var keys: Set<String> = []
        Self.keys(ProfileJSONSchema.document(), into: &keys)
        for key in ["max_age", "ack_wait", "backoff", "priority_groups", "allow_msg_ttl", "verify_clients", "secrets_dir", "max_ack_pending"] {
            #expect(keys.contains(key))
        }
    }
}

struct DocumentationTests {
    @Test func keyReferenceInDocsIsTheGeneratedOne() throws {
        let docs = try String(contentsOfFile: Fixtures.repository + "/docs/profile.md", encoding: .utf8)
        #expect(docs.contains(ProfileReference.markdown()), "regenerate with: hodei-provision schema --format markdown")
    }
}
