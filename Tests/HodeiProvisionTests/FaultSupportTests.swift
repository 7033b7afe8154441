import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision
import NATSClient
import NATSServerControl
import Synchronization
import Testing

// Helpers shared by the Status, Fault, Crash and BadInput suites (no tests of their own).

enum FaultSupport {
    /// Loads and validates profile text (no environment variables, nothing read from disk).
    static func profile(_ text: String) throws -> Profile {
        let profile = try TestProfile.load(text)
        try ProfileValidator(options: ValidationOptions(readData: { _ in nil })).validate(profile)
        return profile
    }

    /// A dev profile for `urls`: tenants, each with `streams` streams named `S0`, `S1`, ... on
    /// subjects `<tenant>.s<i>.>`, each with `consumers` pull consumers `c0`, `c1`, ...
    static func profileText(urls: [String], tenants: [String], streams: Int, consumers: Int, replicas: Int = 1,
                            maxMsgs: Int? = nil, cluster: Bool = false) -> String {
        var text = """
            profile: 1
            environment: dev
            servers:
              urls: [\(urls.joined(separator: ", "))]
              connect_timeout: 2s
            auth:
              mode: accounts
              secrets_dir: /tmp/hodei-faults/secrets

            """
        if cluster {
            text += """
                cluster:
                  name: hodei-test
                  nodes: [n1, n2, n3]

                """
        }
        text += "tenants:\n"
        for tenant in tenants {
            guard streams > 0 else {
                text += "  \(tenant): {}\n"
                continue
            }
            text += "  \(tenant):\n    streams:\n"
            for s in 0..<streams {
                text += "      S\(s):\n        subjects: [\"\(tenant).s\(s).>\"]\n        replicas: \(replicas)\n"
                if let maxMsgs { text += "        max_msgs: \(maxMsgs)\n" }
                if consumers > 0 {
                    text += "        consumers:\n"
                    for c in 0..<consumers {
                        text += "          c\(c): { filter: \"\(tenant).s\(s).>\", ack: explicit, ack_wait: 30s }\n"
                    }
                }
            }
        }
        return text
    }

    /// Server config text with one account per tenant (user = password = tenant name) and the
    /// given JetStream limits block for each (`enabled` when empty).
    static func accountsConfig(_ tenants: [String], jetStream: String = "enabled") -> String {
        let accounts = tenants.map { tenant in
            "  \(tenant.uppercased()): { jetstream: \(jetStream), users: [ { user: \(tenant), password: \(tenant) } ] }"
        }
        return "accounts {\n\(accounts.joined(separator: "\n"))\n}\n"
    }

    static func connector(_ urls: [String], tenants: [String]) -> StaticTenantConnector {
        StaticTenantConnector(
            urls: urls,
            auth: Dictionary(uniqueKeysWithValues: tenants.map { ($0, NATSAuth.userPassword(user: $0, password: $0)) }),
            connectTimeout: .seconds(2))
    }

    /// A client connection as `tenant` (reconnecting, for data-path work).
    static func connect(_ urls: [String], tenant: String?, maxReconnect: Int = 0) async throws -> NATSConnection {
        try await NATSConnection.connect(NATSConnectOptions(
            servers: urls, name: "faults-tests", connectTimeout: .seconds(2), maxReconnect: maxReconnect,
            reconnectWait: .milliseconds(100),
            auth: tenant.map { .userPassword(user: $0, password: $0) } ?? .none))
    }

    /// Plans and applies `profile` once; returns the report and whether the plan had changes.
    static func apply(_ profile: Profile, connector: any TenantConnector, requestTimeout: Duration = .seconds(5))
        async -> (planned: Reconciler.Planned, report: ApplyReport)
    {
        let reconciler = Reconciler(profile: profile, connector: connector, requestTimeout: requestTimeout)
        let planned = await reconciler.plan()
        let report = await reconciler.apply(planned.plan)
        await reconciler.close()
        return (planned, report)
    }

    /// A fresh plan of `profile` against the live state.
    static func plan(_ profile: Profile, connector: any TenantConnector) async -> Plan {
        let reconciler = Reconciler(profile: profile, connector: connector)
        let planned = await reconciler.plan()
        await reconciler.close()
        return planned.plan
    }

    /// Retries `body` until it returns true or `timeout` passes (each try bounded by the caller).
    static func eventually(timeout: Duration, every pause: Duration = .milliseconds(200),
                           _ body: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await body() { return true }
            try? await Task.sleep(for: pause)
        }
        return await body()
    }

    /// Stored messages of `stream` (STREAM.INFO), nil when it cannot be read.
    static func messageCount(_ js: JetStreamContext, stream: String) async -> Int? {
        struct Info: Decodable {
            struct State: Decodable { var messages: Int }
            var state: State
        }
        guard let data = try? await js.apiRequest("STREAM.INFO.\(stream)") else { return nil }
        return try? JSONDecoder().decode(Info.self, from: Data(data)).state.messages
    }
}

/// An apply reporter that runs `action` once, when the `after`-th step has finished (a kill point).
final class KillSwitch: ApplyReporter {
    private let state = Mutex((finished: 0, fired: false))
    let after: Int
    let action: @Sendable () -> Void

    init(after: Int, action: @escaping @Sendable () -> Void) {
        self.after = after
        self.action = action
    }

    var fired: Bool { state.withLock { $0.fired } }

    func finished(_ result: ResourceResult, done: Int, total: Int) {
        let fire = state.withLock { state -> Bool in
            state.finished += 1
            guard !state.fired, state.finished >= after else { return false }
            state.fired = true
            return true
        }
        if fire { action() }
    }
}
