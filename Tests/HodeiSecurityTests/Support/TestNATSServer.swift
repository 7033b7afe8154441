import Foundation

/// A nats-server started for one test: random loopback port (`port: -1`, read back from its log),
/// temp directory, stopped by `stop()` which every test calls in a `defer`-style cleanup.
final class TestNATSServer: @unchecked Sendable {
    // @unchecked: `log` is only touched under `lock`; `process` is set once in init.
    private let process = Process()
    private let lock = NSLock()
    private var log = ""
    private let logUpdates: AsyncStream<Void>
    private let logContinuation: AsyncStream<Void>.Continuation
    private(set) var port = 0

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `nats-server -c configPath` and waits (bounded) for "Server is ready".
    init(configPath: String, executable: String = "nats-server", timeout: Duration = .seconds(15)) async throws {
        (logUpdates, logContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = (executable.hasPrefix("/") ? [] : [executable]) + ["-c", configPath]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let continuation = logContinuation
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            self.lock.withLock { self.log += String(decoding: data, as: UTF8.self) }
            continuation.yield()
        }
        process.terminationHandler = { _ in continuation.yield() }
        try process.run()
        let watchdog = Task { [continuation] in
            try await Task.sleep(for: timeout)
            continuation.finish()
        }
        defer { watchdog.cancel() }
        for await _ in logUpdates {
            if logText.contains("Server is ready") || !process.isRunning { break }
        }
        let text = logText
        guard text.contains("Server is ready"), process.isRunning else {
            stop()
            throw StartFailure(description: "nats-server did not become ready:\n\(text)")
        }
        let marker = "Listening for client connections on 127.0.0.1:"
        guard let range = text.range(of: marker),
            let port = Int(text[range.upperBound...].prefix { $0.isNumber })
        else {
            stop()
            throw StartFailure(description: "no client port in the log:\n\(text)")
        }
        self.port = port
    }

    var url: String { "nats://127.0.0.1:\(port)" }

    var logText: String { lock.withLock { log } }

    /// SIGTERM, bounded wait, then SIGKILL.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}
