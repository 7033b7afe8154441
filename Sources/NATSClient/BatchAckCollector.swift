import CNATS
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Collects JetStream async-publish acks for the batch in progress. libnats calls the ack handler
/// on its own thread with the original `natsMsg*`; the collector maps that pointer to the input
/// index (registered just before the message is handed over). Kept alive by the connection until
/// it closes, because libnats may call the handler until then.
final class BatchAckCollector: Sendable {
    private struct State {
        var indexByMessage: [UInt: Int] = [:]
        var result = JetStreamBatchResult(acks: [], streams: [], errors: [:])
        var lastStream: String?
    }

    private let state = Mutex(State())

    func begin(count: Int, window: Int) {
        state.withLock { state in
            state.indexByMessage = [:]
            state.indexByMessage.reserveCapacity(window * 2)
            state.result = JetStreamBatchResult(
                acks: Array(repeating: .init(sequence: 0, streamIndex: 0, state: 0), count: count),
                streams: [], errors: [:])
            state.lastStream = nil
        }
    }

    func register(_ msg: OpaquePointer, index: Int) {
        state.withLock { $0.indexByMessage[UInt(bitPattern: msg)] = index }
    }

    func unregister(_ msg: OpaquePointer) {
        _ = state.withLock { $0.indexByMessage.removeValue(forKey: UInt(bitPattern: msg)) }
    }

    func fail(index: Int, _ error: NATSError) {
        state.withLock { state in
            state.result.acks[index].state = 3
            state.result.errors[index] = error
        }
    }

    /// Marks every message still registered (no ack came) as failed with `error`.
    func failOutstanding(_ error: NATSError) {
        state.withLock { state in
            for index in state.indexByMessage.values {
                state.result.acks[index].state = 3
                state.result.errors[index] = error
            }
            state.indexByMessage = [:]
        }
    }

    func finish() -> JetStreamBatchResult {
        state.withLock { state in
            defer { state.result = JetStreamBatchResult(acks: [], streams: [], errors: [:]) }
            return state.result
        }
    }

    fileprivate func complete(_ msg: OpaquePointer, ack: UnsafeMutablePointer<jsPubAck>?, error: UnsafeMutablePointer<jsPubAckErr>?) {
        state.withLock { state in
            guard let index = state.indexByMessage.removeValue(forKey: UInt(bitPattern: msg)) else { return }
            if let ack {
                let streamIndex = Self.internStream(ack.pointee.Stream, in: &state)
                state.result.acks[index] = .init(sequence: ack.pointee.Sequence, streamIndex: streamIndex,
                                                 state: ack.pointee.Duplicate ? 2 : 1)
            } else {
                let status = error.map { NATSStatus($0.pointee.Err) } ?? .err
                let text = error?.pointee.ErrText.map { String(cString: $0) } ?? ""
                let code = error.map { Int($0.pointee.ErrCode.rawValue) }
                state.result.acks[index].state = 3
                state.result.errors[index] = NATSError(
                    kind: code.map { $0 != 0 } == true ? .jetStream : NATSError.kind(for: status, detail: text),
                    status: status, operation: "publish batch message \(index)", detail: text,
                    jetStreamErrorCode: code == 0 ? nil : code)
            }
        }
    }

    /// Streams are few: keep each name once and refer to it by index (no per-message String).
    private static func internStream(_ name: UnsafeMutablePointer<CChar>?, in state: inout State) -> UInt32 {
        guard let name else { return 0 }
        if let last = state.lastStream, let index = state.result.streams.lastIndex(of: last),
           last.withCString({ strcmp($0, name) == 0 })
        {
            return UInt32(index)
        }
        let text = String(cString: name)
        state.lastStream = text
        if let index = state.result.streams.firstIndex(of: text) { return UInt32(index) }
        state.result.streams.append(text)
        return UInt32(state.result.streams.count - 1)
    }
}

/// libnats' ack handler for async publishes; the closure is an unretained `BatchAckCollector`
/// kept alive by the connection (see above). The message is ours to destroy.
func batchAckHandler(_: OpaquePointer?, _ msg: OpaquePointer?, _ ack: UnsafeMutablePointer<jsPubAck>?,
                     _ error: UnsafeMutablePointer<jsPubAckErr>?, _ context: UnsafeMutableRawPointer?) {
    guard let msg else { return }
    if let context {
        Unmanaged<BatchAckCollector>.fromOpaque(context).takeUnretainedValue().complete(msg, ack: ack, error: error)
    }
    natsMsg_Destroy(msg)
}
