import Foundation
import HodeiPlan

/// Where an environment's apply lock and history live, opened from a `Reconciler`.
///
/// The bucket sits in the profile's FIRST tenant (profile order), reached as that tenant's
/// hodei-admin identity over the connection plan/apply already hold: one place per environment,
/// no extra credentials, and in a single-account dev profile that account. Consequences: the
/// first tenant's hodei-admin must be allowed to publish to `$KV.hodei_provision.>`; reordering
/// tenants moves the journal (the old history stays readable in the old tenant).
public struct ApplyBookkeeping: Sendable {
    public let tenant: String
    public let bucket: ProvisionBucket
    public let environment: String

    public init(bucket: ProvisionBucket, tenant: String, environment: String) {
        self.bucket = bucket
        self.tenant = tenant
        self.environment = environment
    }

    /// The bookkeeping of `reconciler`'s profile (throws when the first tenant cannot be reached).
    public static func open(_ reconciler: Reconciler) async throws -> ApplyBookkeeping {
        guard let tenant = reconciler.desired.tenants.first?.name ?? reconciler.profile.tenants.first?.name else {
            throw ApplyBookkeepingError.noTenant(environment: reconciler.profile.environment)
        }
        let admin = try await reconciler.sessions.admin(for: tenant)
        let jetStream = try admin.connection.jetStream(domain: reconciler.sessions.domain)
        let replicas = min(3, max(1, reconciler.profile.cluster?.nodes.count ?? 1))
        return ApplyBookkeeping(bucket: ProvisionBucket(jetStream: jetStream, replicas: replicas), tenant: tenant,
                                environment: reconciler.profile.environment)
    }

    public func lock(ttl: Duration = ApplyLock.defaultTTL) -> ApplyLock {
        ApplyLock(bucket: bucket, environment: environment, ttl: ttl)
    }

    public var journal: ApplyJournal { ApplyJournal(bucket: bucket) }
}

/// Why the bookkeeping bucket could not be located.
public enum ApplyBookkeepingError: Error, CustomStringConvertible, Sendable {
    case noTenant(environment: String)

    public var description: String {
        switch self {
        case .noTenant(let environment):
            return "environment \(environment): the profile has no tenant to keep the apply lock and history in "
                + "(fix: declare at least one tenant)"
        }
    }
}

extension ApplyRecord {
    /// The record of an apply of `plan` that produced `report` (nil: nothing was executed).
    public init(plan: Plan, report: ApplyReport?, profilePath: String, profileHash: String, startedAt: Date,
                finishedAt: Date = Date(), operator: String = PersonAtKeyboard.current()) {
        let results = (report?.results ?? []).map { result -> ResourceResult in
            switch result.outcome {
            case .ok:
                return ResourceResult(address: result.address.description, action: result.action.rawValue, result: .ok)
            case .failed(let message), .skipped(let message):
                return ResourceResult(address: result.address.description, action: result.action.rawValue,
                                      result: .failed, message: message)
            }
        }
        func count(_ action: PlanAction) -> Int { results.count { $0.result == .ok && $0.action == action.rawValue } }
        let failed = results.count { $0.result == .failed }
        let outcome: Outcome
        if results.isEmpty {
            outcome = plan.hasErrors ? .failed : .nothingToDo
        } else if failed == 0 {
            outcome = .succeeded
        } else {
            outcome = failed == results.count ? .failed : .partial
        }
        self.init(time: startedAt, environment: plan.environment, profilePath: profilePath, profileHash: profileHash,
                  operator: `operator`,
                  summary: Counts(create: count(.create), update: count(.update), replace: count(.replace),
                                  delete: count(.delete), failed: failed),
                  results: results, durationSeconds: finishedAt.timeIntervalSince(startedAt), outcome: outcome)
    }
}
