import HodeiPlan

/// What happened to one executable resource of a plan.
public struct ResourceResult: Sendable, Hashable, CustomStringConvertible {
    public enum Outcome: Sendable, Hashable {
        case ok
        case failed(String)
        /// Not attempted: an earlier step it depends on failed (e.g. its stream).
        case skipped(String)
    }

    public var address: ResourceAddress
    public var kind: ResourceKind
    public var action: PlanAction
    public var outcome: Outcome

    public init(address: ResourceAddress, kind: ResourceKind, action: PlanAction, outcome: Outcome) {
        self.address = address
        self.kind = kind
        self.action = action
        self.outcome = outcome
    }

    public var succeeded: Bool { outcome == .ok }

    /// `acme/HODEI_EVENTS: created`, `acme/HODEI_EVENTS/x: update failed: ...`.
    public var description: String {
        switch outcome {
        case .ok: return "\(address): \(Self.pastTense(action))"
        case .failed(let error): return "\(address): \(action.rawValue) failed: \(error)"
        case .skipped(let why): return "\(address): \(action.rawValue) skipped: \(why)"
        }
    }

    static func pastTense(_ action: PlanAction) -> String {
        switch action {
        case .create: return "created"
        case .update: return "updated"
        case .replace: return "replaced"
        case .delete: return "deleted"
        default: return action.rawValue
        }
    }
}
