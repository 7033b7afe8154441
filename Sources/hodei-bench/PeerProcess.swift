import Foundation

/// Runs a peer program (the C bench, a nats-py script) to its end and hands back its exit status and
/// standard output; each bench reads the figures it printed and words its own failure.
enum PeerProcess {
    static func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // Waits through the termination handler rather than waitUntilExit, so no thread of the
        // cooperative pool blocks while the peer runs.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (status, text)
    }

    /// The `msgs_per_sec=` figure a publishing peer prints on its RESULT line, if there is one.
    static func messagesPerSecond(in output: String) -> Double? {
        guard let field = output.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("msgs_per_sec=") })
        else { return nil }
        return Double(field.dropFirst("msgs_per_sec=".count))
    }
}
