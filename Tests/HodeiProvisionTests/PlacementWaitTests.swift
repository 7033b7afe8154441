import Foundation
import HodeiPlan
import HodeiProvision
import NATSClient
import NATSServerControl
import Synchronization
import Testing

/// `createStream` keeps trying while a settling cluster reports a peer offline. A real cluster
/// settles in well under a second, too fast to catch reliably, so a responder on a server
/// without JetStream answers `STREAM.CREATE` the way the meta leader does in that moment.
@Suite("Stream create waits for offline peers", .serialized, .timeLimit(.minutes(1)))
struct PlacementWaitTests {
    static func reply(_ description: String) -> String {
        #"{"type":"io.nats.jetstream.api.v1.stream_create_response","error":{"code":500,"err_code":10005,"description":"\#(description)"}}"#
    }

    /// Answers every `STREAM.CREATE.EVENTS` with `answer(attempt)`; returns the admin's error and
    /// how many attempts the responder saw.
    static func create(answer: @escaping @Sendable (Int) -> String, wait: Duration) async throws
        -> (error: JetStreamAdminError?, attempts: Int)
    {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            let connection = try await NATSConnection.connect(NATSConnectOptions(servers: [server.url]))
            let requests = try connection.subscribe(subject: "$JS.API.STREAM.CREATE.EVENTS")
            let attempts = Atomic<Int>(0)
            let responder = Task {
                for await request in requests {
                    let attempt = attempts.add(1, ordering: .relaxed).newValue
                    if let reply = request.reply { try? connection.publish(subject: reply, string: answer(attempt)) }
                }
            }
            var admin = JetStreamAdmin(connection: connection, tenant: "acme", timeout: .seconds(2))
            admin.placementWait = wait
            var failure: JetStreamAdminError?
            do throws(JetStreamAdminError) { _ = try await admin.createStream(StreamConfig(name: "EVENTS")) } catch { failure = error }
            try requests.unsubscribe()
            _ = await responder.value
            await connection.close()
            return (failure, attempts.load(ordering: .relaxed))
        }
    }

    @Test("'peer offline' is retried until the wait ends, then reported")
    func peerOfflineIsRetried() async throws {
        let (error, attempts) = try await Self.create(
            answer: { _ in Self.reply("no suitable peers for placement, peer offline") }, wait: .seconds(1))
        #expect(error?.apiError?.errCode == 10005)
        #expect(error?.isPeerOfflineForPlacement == true)
        #expect(attempts >= 3, "retried every 250 ms for 1 s, saw \(attempts) attempts")
    }

    @Test("other placement failures are reported at once")
    func otherPlacementErrorsAreNot() async throws {
        let (error, attempts) = try await Self.create(
            answer: { _ in Self.reply("no suitable peers for placement, insufficient resources") }, wait: .seconds(5))
        #expect(error?.apiError?.errCode == 10005)
        #expect(error?.isPeerOfflineForPlacement == false)
        #expect(attempts == 1)
    }
}
