import Foundation
import Synchronization

/// Runs a short-lived helper process to completion without blocking a thread of the cooperative pool.
enum ProcessRunner {
    static func output(of executable: String, arguments: [String]) async throws(NATSServerControlError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let collected = OutputCollector()
        pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        let status: Int32
        do {
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
        } catch {
            throw NATSServerControlError(kind: .launchFailed, path: executable, detail: "\(error)")
        }
        pipe.fileHandleForReading.readabilityHandler = nil
        collected.append(pipe.fileHandleForReading.readDataToEndOfFile())
        let text = collected.text
        guard status == 0 else {
            throw NATSServerControlError(kind: .exitedEarly(status: status), path: executable, detail: text)
        }
        return text
    }
}

/// Bytes from a pipe's readability handler (another thread), read once the process ended.
final class OutputCollector: Sendable {
    private let data = Mutex(Data())
    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}
