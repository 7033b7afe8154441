/// Runs a create while a settling cluster refuses it for placement: right after a cluster
/// (re)start the meta leader answers "no suitable peers for placement, peer offline" (err_code
/// 10005) until it has heard from every peer. Tries again every 250 ms until `wait` has passed,
/// then the last error stands (a peer that stays down is reported, not waited on forever).
public enum PlacementRetry {
    static let interval: Duration = .milliseconds(250)
    /// A 3-node cluster on loopback settles in well under a second; this covers slow disks and CI.
    public static let defaultWait: Duration = .seconds(10)

    static func run<T, Failure: Error>(
        waiting wait: Duration, isPeerOffline: (Failure) -> Bool, _ body: () async throws(Failure) -> T
    ) async throws(Failure) -> T {
        let deadline = ContinuousClock.now + wait
        while true {
            do {
                return try await body()
            } catch where isPeerOffline(error) && ContinuousClock.now < deadline {
                let offline = error
                do { try await Task.sleep(for: interval) } catch { throw offline }
            }
        }
    }

    /// The server's description for this case, as sent by nats-server 2.9–2.15.
    static func isPeerOffline(errCode: Int?, description: String) -> Bool {
        errCode == 10005 && description.contains("peer offline")
    }
}
