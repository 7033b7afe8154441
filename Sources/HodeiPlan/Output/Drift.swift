/// A resource whose live config is not what the plan file saw.
public struct Drift: Sendable, Hashable, Codable, CustomStringConvertible {
    public var address: ResourceAddress
    public var expected: String
    public var found: String

    public init(address: ResourceAddress, expected: String, found: String) {
        self.address = address
        self.expected = expected
        self.found = found
    }

    public var description: String {
        let what: String
        switch (expected, found) {
        case (PlanFile.absent, _): what = "was created since the plan was made"
        case (_, PlanFile.absent): what = "was deleted since the plan was made"
        case (_, PlanFile.unreadable): what = "could not be read to check it"
        default: what = "changed since the plan was made"
        }
        return "\(address) \(what): run plan again and review the new plan"
    }
}
