import CNATS
import Dispatch

/// Runs libnats calls that block (connect, flush, fetch, close) off Swift's cooperative pool, on
/// Dispatch worker threads, resuming the caller when done. Never call blocking C from a task.
enum BlockingCalls {
    static let queue = DispatchQueue(label: "NATSClient.blocking", attributes: .concurrent)

    static func run<T: Sendable>(
        on queue: DispatchQueue = BlockingCalls.queue, _ body: @escaping @Sendable () throws(NATSError) -> T
    ) async throws(NATSError) -> T {
        let result: Result<T, NATSError> = await withCheckedContinuation { continuation in
            queue.async {
                let result: Result<T, NATSError>
                do throws(NATSError) {
                    result = .success(try body())
                } catch {
                    result = .failure(error)
                }
                // libnats keeps per-thread error state; Dispatch workers live on, so free it here.
                nats_ReleaseThreadMemory()
                continuation.resume(returning: result)
            }
        }
        return try result.get()
    }
}
