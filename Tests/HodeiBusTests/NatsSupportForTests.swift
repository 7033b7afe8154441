import Foundation
import HodeiBus
import Metrics
import NATSClient
import NATSServerControl

extension NatsBusOptions {
    /// Short timers so redelivery tests finish quickly; a stream created on demand (file storage).
    static func test(ackWait: Duration = .seconds(1), maxDeliver: Int = 5, fetchExpiry: Duration = .milliseconds(250),
                     broadcastStart: BroadcastStart = .new) -> NatsBusOptions {
        NatsBusOptions(ackWait: ackWait, maxDeliver: maxDeliver, fetchBatch: 64, fetchExpiry: fetchExpiry,
                       broadcastStart: broadcastStart, streamCreation: .createIfMissing(storage: .file),
                       reconnectWait: .milliseconds(100))
    }
}

func natsSettings(_ server: NATSServer, stream: String = "HODEI_EVENTS") -> NatsSettings {
    NatsSettings(servers: [server.url], timeout: .seconds(5), stream: stream)
}

/// A fresh server (own port and store) with a connected bus; both closed afterwards.
func withNatsBus<T>(options: NatsBusOptions = .test(), metrics: (any MetricsFactory)? = nil,
                    _ body: (NATSServer, NatsBus) async throws -> T) async throws -> T {
    try await withNATSServer { server in
        let bus = try await NatsBus.connect(natsSettings(server), options: options, metricsFactory: metrics)
        do {
            let result = try await body(server, bus)
            await bus.close()
            return result
        } catch {
            await bus.close()
            throw error
        }
    }
}

/// Messages stored in the stream, read with STREAM.INFO over a connection of its own.
func storedCount(_ server: NATSServer, stream: String = "HODEI_EVENTS") async throws -> Int {
    let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
    defer { Task { await connection.close() } }
    let reply = try await connection.jetStream().apiRequest("STREAM.INFO.\(stream)")
    let object = try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any]
    let state = object?["state"] as? [String: Any]
    return (state?["messages"] as? NSNumber)?.intValue ?? -1
}

/// Collects deliveries of several members concurrently until `total` arrived (bounded).
actor DeliveryLog {
    private(set) var byMember: [Int: [EventDelivery]] = [:]
    var count: Int { byMember.values.reduce(0) { $0 + $1.count } }
    /// Records a delivery; returns the count so far.
    func add(_ member: Int, _ delivery: EventDelivery) -> Int {
        byMember[member, default: []].append(delivery)
        return count
    }
}
