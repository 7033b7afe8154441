/// The safety switches of a plan (CLI flags `--allow-replace`, `--prune`, `--adopt`, `--target`, `destroy`).
public struct PlanOptions: Sendable, Hashable, Codable {
    /// Without it a replace is planned but blocked, with the reason.
    public var allowReplace: Bool
    /// Without it a managed resource that left the profile is reported "would delete with --prune", not deleted.
    public var prune: Bool
    /// Take over same-named resources that carry no (or another profile's) ownership marker.
    public var adopt: Bool
    /// Limit the plan to these addresses and everything under them; empty means everything.
    public var targets: [ResourceAddress]
    /// Plan the deletion of every resource this profile manages (never unmanaged ones).
    public var destroy: Bool

    public init(
        allowReplace: Bool = false, prune: Bool = false, adopt: Bool = false, targets: [ResourceAddress] = [],
        destroy: Bool = false
    ) {
        self.allowReplace = allowReplace
        self.prune = prune
        self.adopt = adopt
        self.targets = targets
        self.destroy = destroy
    }

    enum CodingKeys: String, CodingKey {
        case allowReplace = "allow_replace"
        case prune, adopt, targets, destroy
    }

    func selects(_ address: ResourceAddress) -> Bool {
        targets.isEmpty || targets.contains { $0.contains(address) }
    }
}
