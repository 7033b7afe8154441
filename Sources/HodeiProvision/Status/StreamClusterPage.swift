/// The parts of a `STREAM.LIST` page that `status` needs and HodeiPlan's `StreamInfo` leaves out:
/// the `cluster` block (leader, replicas) next to config limits and state.
struct StreamClusterPage: Decodable, Sendable {
    struct Entry: Decodable, Sendable {
        struct Config: Decodable, Sendable {
            var name: String
            var maxMsgs: Int64?
            var maxBytes: Int64?
            var numReplicas: Int?

            enum CodingKeys: String, CodingKey {
                case name
                case maxMsgs = "max_msgs"
                case maxBytes = "max_bytes"
                case numReplicas = "num_replicas"
            }
        }

        struct State: Decodable, Sendable {
            var messages: UInt64?
            var bytes: UInt64?
        }

        struct Cluster: Decodable, Sendable {
            struct Replica: Decodable, Sendable {
                var name: String
                var current: Bool?
                var offline: Bool?
                var lag: UInt64?
                var active: Int64?
            }

            var leader: String?
            var replicas: [Replica]?
        }

        var config: Config
        var state: State?
        var cluster: Cluster?
    }

    var total: Int?
    var offset: Int?
    var streams: [Entry]?

    var nextOffset: Int? {
        let start = offset ?? 0
        let count = streams?.count ?? 0
        return count > 0 && start + count < (total ?? 0) ? start + count : nil
    }
}

extension StreamStatus {
    init(_ entry: StreamClusterPage.Entry, consumers: [ConsumerStatus]) {
        let replicas = entry.cluster?.replicas ?? []
        self.init(
            name: entry.config.name,
            messages: UsageFigure(used: entry.state?.messages ?? 0, serverLimit: entry.config.maxMsgs ?? -1),
            bytes: UsageFigure(used: entry.state?.bytes ?? 0, serverLimit: entry.config.maxBytes ?? -1),
            replicas: ReplicaHealth(
                expected: max(1, entry.config.numReplicas ?? 1),
                // A single server without clustering reports no cluster block: it is its own leader.
                leader: entry.cluster == nil ? "(standalone)" : entry.cluster?.leader,
                peers: replicas.map {
                    ReplicaHealth.Peer(name: $0.name, current: $0.current ?? false, offline: $0.offline ?? false,
                                       lag: $0.lag ?? 0, active: $0.active ?? 0)
                }),
            consumers: consumers.sorted { $0.name < $1.name })
    }
}
