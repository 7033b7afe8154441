import Foundation

/// A nats-server started for one test: random loopback port (`port: -1`, read back from its log),
/// stopped by `stop()` (tests call it in `defer`; `deinit` is the safety net).
final class TestNATSServer: @unchecked Sendable {
    // @unchecked: `process` and `output` are set once in init; `LogBuffer` locks its own state.
    private let process = Process()
    private let output = Pipe()
    private let buffer = LogBuffer()
    private let exited = DispatchSemaphore(value: 0)
    private(set) var port = 0

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Server output, appended by a reader thread; `updates` ticks after each chunk and ends at EOF.
    final class LogBuffer: @unchecked Sendable {
        // @unchecked: `text` is only touched under `lock`.
        private let lock = NSLock()
        private var text = ""
        let updates: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        init() { (updates, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1)) }

        var contents: String { lock.withLock { text } }

        func append(_ data: Data) {
            lock.withLock { text += String(decoding: data, as: UTF8.self) }
            continuation.yield()
        }

        func finish() { continuation.finish() }
    }

    /// Starts `nats-server -c configPath` and waits (bounded) for "Server is ready".
    init(configPath: String, executable: String = "nats-server", timeout: Duration = .seconds(15)) async throws {
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = (executable.hasPrefix("/") ? [] : [executable]) + ["-c", configPath]
        process.standardError = output
        process.standardOutput = output
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        // Blocking reads on a thread of our own until EOF: no DispatchSource whose lifetime
        // could outlive the pipe.
        let reader = output.fileHandleForReading
        let buffer = self.buffer
        Thread.detachNewThread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                buffer.append(data)
            }
            buffer.finish()
        }
        let watchdog = Task { [buffer] in
            try await Task.sleep(for: timeout)
            buffer.finish()
        }
        defer { watchdog.cancel() }
        for await _ in buffer.updates where buffer.contents.contains("Server is ready") { break }
        let text = buffer.contents
        guard text.contains("Server is ready"), process.isRunning else {
            stop()
            throw StartFailure(description: "nats-server did not become ready:\n\(text)")
        }
        let marker = "Listening for client connections on 127.0.0.1:"
        guard let range = text.range(of: marker), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            stop()
            throw StartFailure(description: "no client port in the log:\n\(text)")
        }
        self.port = port
    }

    var url: String { "nats://127.0.0.1:\(port)" }

    var logText: String { buffer.contents }

    /// SIGTERM, wait for the exit (at most 5 s), then SIGKILL; returns once the process has exited.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        if exited.wait(timeout: .now() + 5) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    deinit { stop() }
}
