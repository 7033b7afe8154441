@testable import HodeiBus
import NATSClient
import Testing

/// How the bus configures its two libnats connections: the main one writes every message at once
/// (libnats' flusher would otherwise add 1 ms to each publish ack, pull request and ack); the
/// batch one keeps (a larger) write buffer, since a pipelined batch wants coalesced writes.
struct NatsConnectionOptionsTests {
    @Test func theMainConnectionSendsAtOnceAndTheBatchConnectionBuffers() {
        let settings = NatsSettings(servers: ["nats://127.0.0.1:4222"])
        let main = settings.connectOptions(NatsBusOptions(connectionName: "worker-7"))
        #expect(main.sendAsap)
        #expect(main.ioBufferSize == nil)
        let batch = NatsBatchConnection(options: main, window: 4096, apiTimeout: .seconds(5))
        #expect(!batch.options.sendAsap)
        #expect(batch.options.ioBufferSize == 256 * 1024)
        #expect(batch.options.name == "worker-7-batch")
        #expect(batch.options.servers == main.servers)
    }

    @Test func aClosedBatchConnectionRefusesToConnect() async {
        let settings = NatsSettings(servers: ["nats://127.0.0.1:1"])
        let batch = NatsBatchConnection(options: settings.connectOptions(NatsBusOptions()), window: 16,
                                        apiTimeout: .seconds(1))
        await batch.close()
        await #expect { try await batch.jetStream() } throws: { ($0 as? NATSError)?.kind == .connectionClosed }
    }
}
