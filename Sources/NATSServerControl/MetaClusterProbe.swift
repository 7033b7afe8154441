import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a node's `/jsz` monitoring page and says whether that node is the JetStream meta leader
/// and has every other peer current and online. An elected meta leader alone is not enough to
/// place a replicated stream: until it has heard from each peer, creates fail with "no suitable
/// peers for placement, peer offline" (err_code 10005; seen in CI 0.36 s after the election).
struct MetaClusterProbe: Sendable {
    let monitorURL: URL
    let clusterSize: Int

    init(monitorPort: Int, clusterSize: Int) {
        self.monitorURL = URL(string: "http://127.0.0.1:\(monitorPort)/jsz")!
        self.clusterSize = clusterSize
    }

    /// True when this node leads the meta group and sees all `clusterSize - 1` peers current
    /// and not offline; false for anything else, including a page that cannot be read yet.
    func leaderSeesAllPeers() async -> Bool {
        var request = URLRequest(url: monitorURL)
        request.timeoutInterval = 2
        guard let (data, _) = try? await URLSession.shared.data(for: request),
              let page = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let meta = page["meta_cluster"] as? [String: Any],
              let leader = meta["leader"] as? String,
              let replicas = meta["replicas"] as? [[String: Any]]
        else { return false }
        // The page lists the other members only: the leader is the node whose list lacks it.
        let names = replicas.compactMap { $0["name"] as? String }
        guard names.count == clusterSize - 1, !names.contains(leader) else { return false }
        return replicas.allSatisfy { ($0["current"] as? Bool) == true && ($0["offline"] as? Bool) != true }
    }
}
