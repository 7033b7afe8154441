/// Account limits against what the tenant's streams and consumers add up to.
enum LimitRules {
    static func check(_ tenant: Tenant, into collector: inout IssueCollector) {
        let limits = tenant.limits
        let path = "\(tenant.keyPath).limits"
        if let max = limits.maxStreams, max >= 0, tenant.streams.count > max {
            collector.error("limit-streams", "\(path).max_streams",
                            "tenant \(tenant.name) declares \(tenant.streams.count) streams but max_streams is \(max)",
                            hint: "raise max_streams or remove streams")
        }
        let consumers = tenant.streams.reduce(0) { $0 + $1.consumers.count }
        if let max = limits.maxConsumers, max >= 0, consumers > max {
            collector.error("limit-consumers", "\(path).max_consumers",
                            "tenant \(tenant.name) declares \(consumers) consumers but max_consumers is \(max)",
                            hint: "raise max_consumers or remove consumers")
        }
        // Reserved storage counts every replica, as the server accounts it.
        for (storage, key, limit) in [(Stream.Storage.file, "max_file", limits.maxFile), (.memory, "max_mem", limits.maxMem)] {
            guard let limit, limit >= 0 else { continue }
            let streams = tenant.streams.filter { $0.storage == storage }
            let total = streams.reduce(Int64(0)) { sum, stream in
                guard let bytes = stream.maxBytes, bytes > 0 else { return sum }
                let (product, overflow) = bytes.multipliedReportingOverflow(by: Int64(stream.replicas))
                return overflow ? Int64.max : sum &+ product
            }
            if total > limit {
                collector.error("limit-storage", "\(path).\(key)",
                                "\(storage.rawValue) streams of tenant \(tenant.name) reserve \(Quantities.formatSize(total)) (max_bytes × replicas) but \(key) is \(Quantities.formatSize(limit))",
                                hint: "raise \(key) or lower the streams' max_bytes")
            }
        }
        if limits.maxBytesRequired == true {
            for stream in tenant.streams where (stream.maxBytes ?? -1) < 0 {
                collector.error("max-bytes-required", "\(tenant.keyPath).streams.\(stream.name)",
                                "tenant \(tenant.name) requires max_bytes but stream \(stream.name) has none",
                                hint: "set max_bytes on the stream")
            }
        }
        if let limit = limits.maxAckPending, limit >= 0 {
            for stream in tenant.streams {
                for consumer in stream.consumers where (consumer.maxAckPending ?? 1000) > limit || consumer.maxAckPending == -1 {
                    collector.error("limit-ack-pending",
                                    "\(tenant.keyPath).streams.\(stream.name).consumers.\(consumer.name).max_ack_pending",
                                    "consumer \(stream.name)/\(consumer.name) allows \(consumer.maxAckPending.map { $0 < 0 ? "unlimited" : "\($0)" } ?? "1000 (default)") pending acks but the tenant's max_ack_pending is \(limit)",
                                    hint: "set the consumer's max_ack_pending to at most \(limit)")
                }
            }
        }
    }
}
