/// One threshold exceeded: where (`tenant`, `tenant/stream`, `tenant/stream/consumer`), which check,
/// the value seen and the limit.
public struct StatusFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Check: String, Sendable, Hashable, Codable {
        case pending, ackPending = "ack_pending", redelivered, usage, replicas
    }

    public var resource: String
    public var check: Check
    public var message: String

    public init(resource: String, check: Check, message: String) {
        self.resource = resource
        self.check = check
        self.message = message
    }

    public var description: String { "\(resource): \(check.rawValue): \(message)" }

    /// Every threshold the tenants exceed, in tenant/stream/consumer order.
    public static func findings(in tenants: [TenantStatus], thresholds: StatusThresholds) -> [StatusFinding] {
        var findings: [StatusFinding] = []
        func usage(_ resource: String, _ what: String, _ figure: UsageFigure) {
            guard let max = thresholds.maxUsagePercent, let percent = figure.percent, percent > max else { return }
            findings.append(StatusFinding(
                resource: resource, check: .usage,
                message: "\(what) at \(StatusFormat.percent(percent)) of its limit (\(figure.used) of \(figure.limit ?? -1)), over \(StatusFormat.percent(max))"))
        }
        for tenant in tenants {
            if let account = tenant.account {
                for (name, figure) in account.named { usage(tenant.name, "account \(name)", figure) }
            }
            for stream in tenant.streams {
                let address = "\(tenant.name)/\(stream.name)"
                usage(address, "messages", stream.messages)
                usage(address, "bytes", stream.bytes)
                if thresholds.checkReplicas, !stream.replicas.isHealthy {
                    findings.append(StatusFinding(resource: address, check: .replicas, message: stream.replicas.summary))
                }
                for consumer in stream.consumers {
                    let resource = "\(address)/\(consumer.name)"
                    if let max = thresholds.maxPending, consumer.pending > max {
                        findings.append(StatusFinding(resource: resource, check: .pending,
                                                      message: "\(consumer.pending) pending, over \(max)"))
                    }
                    if let max = thresholds.maxAckPending, consumer.ackPending > max {
                        findings.append(StatusFinding(resource: resource, check: .ackPending,
                                                      message: "\(consumer.ackPending) awaiting ack, over \(max)"))
                    }
                    if let max = thresholds.maxRedelivered, consumer.redelivered > max {
                        findings.append(StatusFinding(resource: resource, check: .redelivered,
                                                      message: "\(consumer.redelivered) redelivered, over \(max)"))
                    }
                }
            }
        }
        return findings
    }
}
