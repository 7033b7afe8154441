import Foundation
import Testing

@testable import HodeiPlan

/// Fixtures live next to the tests (read by path so goldens can be re-recorded in place).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(path))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: data(path))
    }

    /// Compares `text` with `Fixtures/golden/<name>`; HODEI_RECORD_GOLDEN=1 rewrites the file instead.
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HODEI_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != text else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(want.count, got.count) {
            let w = index < want.count ? String(want[index]) : "<missing>"
            let g = index < got.count ? String(got[index]) : "<missing>"
            if w != g { diff.append("line \(index + 1):\n  - \(w)\n  + \(g)") }
        }
        Issue.record(
            Comment(rawValue: "golden \(name) differs (re-record with HODEI_RECORD_GOLDEN=1):\n" + Array(diff.prefix(20)).joined(separator: "\n")),
            sourceLocation: sourceLocation)
    }
}

/// Builders for planner tables.
enum Build {
    static let env = "dev"
    static let current = ServerCapabilities(version: ServerVersion(2, 15, 1), apiLevel: 5)
    static let old = ServerCapabilities(version: ServerVersion(2, 9, 10))

    static func stream(_ name: String, _ extra: [String: JSONValue] = [:]) -> StreamConfig {
        var fields: [String: JSONValue] = ["name": .string(name), "subjects": [.string("hodei.events.\(name.lowercased()).>")]]
        fields.merge(extra) { _, new in new }
        return StreamConfig(fields: fields)
    }

    static func consumer(_ name: String, _ extra: [String: JSONValue] = [:]) -> ConsumerConfig {
        var fields: [String: JSONValue] = ["durable_name": .string(name), "ack_policy": "explicit"]
        fields.merge(extra) { _, new in new }
        return ConsumerConfig(fields: fields)
    }

    /// What a server reports for a config it accepted: defaults filled, `_nats.*` metadata added,
    /// zero-valued server-only fields present (as 2.15.1 does).
    static func serverView(
        _ fields: [String: JSONValue], kind: ResourceKind, environment: String? = env, preventDelete: Bool = false,
        capabilities: ServerCapabilities = current
    ) -> [String: JSONValue] {
        var stamped = fields
        if let environment {
            stamped = Ownership.stamp(
                fields, environment: environment, preventDelete: preventDelete, useMetadata: capabilities.supportsMetadata)
        }
        var out = Normaliser.normalise(stamped, kind: kind)
        if capabilities.supportsMetadata {
            var metadata = out["metadata"]?.objectValue ?? [:]
            metadata["_nats.level"] = "5"
            metadata["_nats.ver"] = .string(capabilities.version.description)
            metadata["_nats.req.level"] = "0"
            out["metadata"] = .object(metadata)
        }
        if kind == .stream {
            out["sealed"] = out["sealed"] ?? false
            out["mirror_direct"] = out["mirror_direct"] ?? false
            if capabilities.supportsMetadata { out["consumer_limits"] = out["consumer_limits"] ?? [:] }
        } else {
            out["num_replicas"] = 0
        }
        return out
    }

    static func actualStream(
        _ config: StreamConfig, messages: UInt64 = 0, environment: String? = env, preventDelete: Bool = false,
        consumers: [ConsumerInfo] = [], capabilities: ServerCapabilities = current
    ) -> ActualStream {
        let fields = serverView(
            config.fields, kind: .stream, environment: environment, preventDelete: preventDelete, capabilities: capabilities)
        return ActualStream(
            info: StreamInfo(config: StreamConfig(fields: fields), state: StreamState(messages: messages, consumerCount: consumers.count)),
            consumers: consumers)
    }

    static func actualConsumer(
        _ stream: String, _ config: ConsumerConfig, pending: UInt64 = 0, ackPending: Int = 0,
        environment: String? = env, preventDelete: Bool = false, capabilities: ServerCapabilities = current
    ) -> ConsumerInfo {
        let fields = serverView(
            config.fields, kind: .consumer, environment: environment, preventDelete: preventDelete, capabilities: capabilities)
        return ConsumerInfo(
            streamName: stream, name: config.resolvedName ?? "", config: ConsumerConfig(fields: fields),
            numPending: pending, numAckPending: ackPending)
    }

    static func desired(_ streams: [DesiredStream], tenant: String = "acme") -> DesiredState {
        DesiredState(environment: env, tenants: [DesiredTenant(name: tenant, streams: streams)])
    }

    static func actual(_ streams: [ActualStream], tenant: String = "acme") -> ActualState {
        ActualState(tenants: [tenant: .streams(streams)])
    }

    static func plan(
        _ desired: DesiredState, _ actual: ActualState, capabilities: ServerCapabilities = current,
        options: PlanOptions = PlanOptions()
    ) -> Plan {
        Planner.plan(desired: desired, actual: actual, capabilities: capabilities, options: options)
    }
}

extension Plan {
    func resource(_ address: String) -> PlannedResource? {
        resources.first { $0.address.description == address }
    }
}
