import HodeiPlan
import HodeiProvision

/// The JSON document of `apply --format json`.
struct ApplyOutput: Encodable {
    var plan: HodeiPlan.Plan
    var report: ApplyReport?

    struct Result: Encodable {
        var address: String
        var action: String
        var status: String
        var error: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(address, forKey: .address)
            try c.encode(action, forKey: .action)
            try c.encode(status, forKey: .status)
            try c.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case address, action, status, error }
    }

    enum CodingKeys: String, CodingKey { case plan, results, succeeded, summary }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(plan, forKey: .plan)
        let results = report?.results.map { result -> Result in
            switch result.outcome {
            case .ok: return Result(address: result.address.description, action: result.action.rawValue, status: "ok")
            case .failed(let text):
                return Result(address: result.address.description, action: result.action.rawValue, status: "failed", error: text)
            case .skipped(let text):
                return Result(address: result.address.description, action: result.action.rawValue, status: "skipped", error: text)
            }
        }
        try c.encode(results, forKey: .results)
        try c.encode(report?.succeeded ?? !plan.hasErrors, forKey: .succeeded)
        try c.encode(report?.summary ?? plan.summary.text, forKey: .summary)
    }
}
