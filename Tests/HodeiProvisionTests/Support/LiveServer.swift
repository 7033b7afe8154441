import Foundation
import NATSClient
import NATSServerControl

/// Starts a JetStream server, connects, runs `body` with a JetStream context, then closes and stops.
func withJetStream<T>(_ body: (JetStreamContext) async throws -> T) async throws -> T {
    try await withNATSServer { server in
        let connection = try await NATSConnection.connect(
            NATSConnectOptions(servers: [server.url], name: "hodei-provision-tests", connectTimeout: .seconds(2),
                               maxReconnect: 0, reconnectWait: .milliseconds(100)))
        do {
            let result = try await body(try connection.jetStream())
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }
}
