import Foundation
import HodeiPlan
import HodeiProfile
import HodeiProvision

/// Inline profiles for the drift/destroy/export/journal tests: one anonymous tenant on a test server.
enum OpsProfile {
    /// `streams` is YAML under the tenant's `streams:` key, indented by six spaces.
    static func text(url: String, environment: String = "ops", tenant: String = "acme", streams: String) -> String {
        """
        profile: 1
        environment: \(environment)
        servers:
          urls: [\(url)]
        tls:
          allow_plaintext: true
        auth:
          mode: accounts
        tenants:
          \(tenant):
            streams:
        \(streams)
        """
    }

    static let standard = """
              EVENTS:
                subjects: ["events.>"]
                max_age: 7d
                max_bytes: 64MiB
                consumers:
                  workers: { filter: "events.job.>", ack_wait: 45s, max_deliver: 5 }
                  tail: { ack: none, deliver_policy: new }
              AUDIT:
                subjects: ["audit.>"]
                prevent_delete: true
                duplicate_window: 30s
                consumers:
                  reader: { backoff: [1s, 5s], max_deliver: 4 }
        """

    static func load(_ text: String, file: String = "/tmp/hodei-ops-test.profile") throws -> Profile {
        try ProfileLoader(environment: [:]).load(text: text, file: file)
    }

    /// Plans `text` (and applies the plan when `apply`), closing the connections afterwards.
    static func run(_ text: String, options: PlanOptions = PlanOptions(), apply: Bool = false)
        async throws -> (plan: Plan, report: ApplyReport?)
    {
        let reconciler = Reconciler(profile: try load(text))
        let planned = await reconciler.plan(options: options)
        let report = apply ? await reconciler.apply(planned.plan) : nil
        await reconciler.close()
        return (planned.plan, report)
    }
}
