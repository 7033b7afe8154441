import HodeiPlan
import Synchronization

/// Executes a plan's executable steps against the servers.
///
/// Order (docs/plan-format.md): per stream, its consumer deletes, then the stream step (replace =
/// delete + create), then its consumer creates/updates/replaces. Each stream's steps run one after
/// another; different streams (and tenants) run concurrently, at most `maxInFlight` requests at once.
/// A failure stops only the steps that depend on it (a stream's consumers after its stream failed);
/// other streams and tenants continue. Nothing is sent for blocked, implied, unchanged, unmanaged
/// or error resources.
public struct Applier: Sendable {
    public let sessions: TenantSessions
    public let maxInFlight: Int
    public let reporter: (any ApplyReporter)?

    public init(sessions: TenantSessions, maxInFlight: Int = 8, reporter: (any ApplyReporter)? = nil) {
        self.sessions = sessions
        self.maxInFlight = max(1, maxInFlight)
        self.reporter = reporter
    }

    public func apply(_ plan: Plan) async -> ApplyReport {
        let units = Self.units(of: plan)
        let total = units.reduce(0) { $0 + $1.count }
        let counter = ProgressCounter()
        let results = await withTaskGroup(of: [ResourceResult].self) { group in
            var pending = units[...]
            for _ in 0..<min(maxInFlight, pending.count) {
                let unit = pending.removeFirst()
                group.addTask { await run(unit, total: total, counter: counter) }
            }
            var all: [ResourceResult] = []
            for await results in group {
                all += results
                if let unit = pending.popFirst() {
                    group.addTask { await run(unit, total: total, counter: counter) }
                }
            }
            return all
        }
        let order = Dictionary(plan.resources.enumerated().map { ($1.address, $0) }, uniquingKeysWith: { first, _ in first })
        return ApplyReport(results: results.sorted { (order[$0.address] ?? 0) < (order[$1.address] ?? 0) })
    }

    /// The executable steps grouped per stream, each group in execution order.
    static func units(of plan: Plan) -> [[PlannedResource]] {
        var groups: [ResourceAddress: [PlannedResource]] = [:]
        var order: [ResourceAddress] = []
        for resource in plan.resources where resource.isExecutable && resource.kind != .tenant {
            let key = resource.address.streamAddress
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(resource)
        }
        return order.map { key in
            let steps = groups[key]!
            let consumerDeletes = steps.filter { $0.kind == .consumer && $0.action == .delete }
            let stream = steps.filter { $0.kind == .stream }
            let consumerWrites = steps.filter { $0.kind == .consumer && $0.action != .delete }
            return consumerDeletes + stream + consumerWrites
        }
    }

    private func run(_ unit: [PlannedResource], total: Int, counter: ProgressCounter) async -> [ResourceResult] {
        var results: [ResourceResult] = []
        var streamFailed: String?
        for step in unit {
            let outcome: ResourceResult.Outcome
            if let streamFailed, step.kind == .consumer, step.action != .delete {
                outcome = .skipped("its stream step failed: \(streamFailed)")
            } else {
                do {
                    try await execute(step)
                    outcome = .ok
                } catch {
                    outcome = .failed("\(error)")
                    if step.kind == .stream { streamFailed = "\(error)" }
                }
            }
            let result = ResourceResult(address: step.address, kind: step.kind, action: step.action, outcome: outcome)
            results.append(result)
            reporter?.finished(result, done: counter.next(), total: total)
        }
        return results
    }

    private func execute(_ step: PlannedResource) async throws {
        let admin = try await sessions.admin(for: step.address.tenant)
        let stream = step.address.stream ?? ""
        switch step.kind {
        case .stream:
            let config = StreamConfig(fields: step.config ?? [:])
            switch step.action {
            case .create: try await admin.createStream(config)
            case .update: try await admin.updateStream(config)
            case .replace:
                try await admin.deleteStream(stream)
                try await admin.createStream(config)
            case .delete: try await admin.deleteStream(stream)
            default: break
            }
        case .consumer:
            let name = step.address.consumer ?? ""
            let config = ConsumerConfig(fields: step.config ?? [:])
            switch step.action {
            case .create: try await admin.createConsumer(stream: stream, config)
            case .update: try await admin.updateConsumer(stream: stream, config)
            case .replace:
                try await admin.deleteConsumer(stream: stream, name: name)
                try await admin.createConsumer(stream: stream, config)
            case .delete: try await admin.deleteConsumer(stream: stream, name: name)
            default: break
            }
        case .tenant:
            break
        }
    }
}

/// Counts finished steps across concurrent units.
private final class ProgressCounter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
