/// Where a stream's copies stand (STREAM.INFO `cluster`): the leader and each follower replica.
public struct ReplicaHealth: Sendable, Hashable, Codable {
    /// One follower as the leader sees it.
    public struct Peer: Sendable, Hashable, Codable {
        public var name: String
        public var current: Bool
        public var offline: Bool
        /// Operations this replica is behind the leader.
        public var lag: UInt64
        /// Nanoseconds since the leader last heard from it.
        public var active: Int64

        public init(name: String, current: Bool, offline: Bool = false, lag: UInt64 = 0, active: Int64 = 0) {
            self.name = name
            self.current = current
            self.offline = offline
            self.lag = lag
            self.active = active
        }
    }

    /// `num_replicas` of the stream's config.
    public var expected: Int
    public var leader: String?
    public var peers: [Peer]

    public init(expected: Int, leader: String?, peers: [Peer]) {
        self.expected = expected
        self.leader = leader
        self.peers = peers
    }

    /// What is wrong, in words; empty when every copy is in place and current.
    public var problems: [String] {
        var problems: [String] = []
        if leader == nil { problems.append("no leader") }
        for peer in peers where peer.offline { problems.append("replica \(peer.name) offline") }
        for peer in peers where !peer.offline && !peer.current {
            problems.append("replica \(peer.name) not current (lag \(peer.lag))")
        }
        // Only a clustered stream reports followers; a single server's R1 stream has none to miss.
        if expected > 1, peers.count < expected - 1 {
            problems.append("\(peers.count + (leader == nil ? 0 : 1)) of \(expected) replicas known")
        }
        return problems
    }

    public var isHealthy: Bool { problems.isEmpty }

    /// `3/3 ok`, `2/3: replica n2 offline`.
    public var summary: String {
        let inPlace = (leader == nil ? 0 : 1) + peers.count { $0.current && !$0.offline }
        let head = "\(inPlace)/\(max(expected, 1))"
        return isHealthy ? "\(head) ok" : "\(head): \(problems.joined(separator: ", "))"
    }
}
