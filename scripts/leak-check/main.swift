// Leak check driver, compiled together with Sources/NATSClient by scripts/leak-check.sh under
// AddressSanitizer/LeakSanitizer: connect/subscribe/request/JetStream/fetch/close cycles (and
// subscriptions dropped under traffic), then
// libnats' process-wide cleanup, so anything still allocated at exit is a leak.
import CNATS
import Foundation

@main
struct LeakCheck {
    static func main() async throws {
        // Initialise libnats on the main thread: its OpenSSL per-thread random state then belongs to the
        // thread that exits the process, which OpenSSL's exit cleanup frees (a Dispatch worker's would not be).
        guard nats_Open(-1) == NATS_OK else { fatalError("nats_Open failed") }
        let url = CommandLine.arguments[1]
        let cycles = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 100
        let setup = try await NATSConnection.connect(NATSConnectOptions(servers: [url]))
        let body = #"{"name":"LEAK","subjects":["leak.>"],"storage":"memory"}"#
        _ = try await setup.jetStream().apiRequest("STREAM.CREATE.LEAK", body: Array(body.utf8))
        await setup.close()
        // Traffic for subscriptions that are dropped while their messages arrive (the libnats
        // read-loop race `SubscriptionReaper` exists for: ASan reports it at once if it returns).
        let flooder = try await NATSConnection.connect(NATSConnectOptions(servers: [url], name: "leak-flood"))
        let flood = Task.detached {
            while !Task.isCancelled {
                for _ in 0..<50 { try? flooder.publish(subject: "leak.flood", data: [1, 2, 3]) }
                try? await Task.sleep(for: .microseconds(100))
            }
        }
        for cycle in 0..<cycles {
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [url], name: "leak"))
            let subscription = try connection.subscribe(subject: "leak.core")
            let responder = Task {
                for await message in subscription {
                    if let reply = message.reply { try? connection.publish(subject: reply, data: message.data) }
                }
            }
            _ = try await connection.request(subject: "leak.core", data: [1, 2, 3], headers: ["A": "b"], timeout: .seconds(5))
            _ = try? await connection.request(subject: "leak.nobody", data: [], timeout: .seconds(1))
            let js = try connection.jetStream(maxInFlight: 16)
            _ = try await js.publish(subject: "leak.js", data: [9], msgId: "m-\(cycle)")
            _ = try await js.publishBatch((0..<20).map { JetStreamOutgoingMessage(subject: "leak.js", data: [UInt8($0)]) })
            let pull = try await js.pullSubscribe(subject: "leak.js", durable: "d\(cycle % 3)", stream: "LEAK")
            for message in try await pull.fetch(batch: 5, timeout: .seconds(2)) { try message.ack() }
            for _ in 0..<10 {
                let dropped = try connection.subscribe(subject: "leak.flood")
                var messages = dropped.makeAsyncIterator()
                _ = await messages.next()
            }
            try await connection.flush()
            await connection.close()
            _ = await responder.value
        }
        flood.cancel()
        await flood.value
        await flooder.close()
        // Let libnats' own threads finish, then release its process-wide state.
        _ = nats_CloseAndWait(5_000)
        print("leak-check: \(cycles) cycles done")
    }
}
