import NATSClient
import Synchronization

/// The connection `NatsBus.publish(batch:)` uses, opened on the first batch. The bus's main
/// connection writes every message at once (`sendAsap`: no 1 ms flusher delay on publishes,
/// pull requests and acks); a pipelined batch wants the opposite, libnats' write buffer, or each
/// of its messages costs a socket write. So batches go over a buffered connection of their own.
final class NatsBatchConnection: Sendable {
    let options: NATSConnectOptions
    private let window: Int
    private let apiTimeout: Duration
    private let state = Mutex<(task: Task<JetStreamContext, any Error>?, closed: Bool)>((nil, false))

    init(options: NATSConnectOptions, window: Int, apiTimeout: Duration) {
        var options = options
        options.sendAsap = false
        options.ioBufferSize = 256 * 1024
        options.name = options.name.map { "\($0)-batch" }
        self.options = options
        self.window = window
        self.apiTimeout = apiTimeout
    }

    /// The batch connection's JetStream context, connecting on first use (concurrent callers
    /// share one attempt; after a failed attempt the next call tries again).
    func jetStream() async throws(NATSError) -> JetStreamContext {
        let (options, window, apiTimeout) = (self.options, self.window, self.apiTimeout)
        let task = try state.withLock { s throws(NATSError) -> Task<JetStreamContext, any Error> in
            if s.closed {
                throw NATSError(kind: .connectionClosed, status: .connectionClosed, operation: "publish batch",
                                detail: "the bus is closed")
            }
            if let task = s.task { return task }
            let task = Task { () throws -> JetStreamContext in
                let connection = try await NATSConnection.connect(options)
                return try connection.jetStream(maxInFlight: window, apiTimeout: apiTimeout)
            }
            s.task = task
            return task
        }
        switch await task.result {
        case .success(let context):
            return context
        case .failure(let error):
            state.withLock { s in if s.task == task { s.task = nil } }
            throw error as? NATSError ?? NATSError(kind: .libnats, operation: "connect for batch publish",
                                                   detail: "\(error)")
        }
    }

    /// Closes the batch connection if one was opened; later `jetStream()` calls fail.
    func close() async {
        let task = state.withLock { s in
            s.closed = true
            return s.task
        }
        guard let context = try? await task?.value else { return }
        try? await context.connection.flush(timeout: .seconds(1))
        await context.connection.close()
    }
}
