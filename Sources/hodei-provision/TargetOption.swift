import ArgumentParser
import HodeiPlan

/// `--target tenant[/stream[/consumer]]` values of drift and destroy.
enum TargetOption {
    static func parse(_ texts: [String]) throws -> [ResourceAddress] {
        try texts.map { text -> ResourceAddress in
            guard let address = ResourceAddress(text) else {
                throw ValidationError("--target '\(text)' is not tenant[/stream[/consumer]]")
            }
            return address
        }
    }
}
