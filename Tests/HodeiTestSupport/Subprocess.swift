import Foundation

/// Runs a program found on PATH to completion with a bounded wait; output goes to temp files,
/// so a chatty child can never block on a full pipe.
public enum Subprocess {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public let command: String
        public var description: String { "\(command) did not finish in time and was terminated" }
    }

    public static func run(
        _ program: String, _ arguments: [String], stdin input: String = "", timeout: Duration = .seconds(60)
    ) async throws -> Result {
        let scratch = try TemporaryDirectory("hodei-subprocess")
        defer { scratch.remove() }
        let outURL = scratch.url.appendingPathComponent("out")
        let errURL = scratch.url.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outHandle
        process.standardError = errHandle
        let exits = AsyncStream<Int32> { continuation in
            process.terminationHandler = { finished in
                continuation.yield(finished.terminationStatus)
                continuation.finish()
            }
        }
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let watchdog = Task {
            do { try await Task.sleep(for: timeout) } catch { return false }
            process.terminate()
            return true
        }
        var status: Int32 = -1
        for await code in exits { status = code }
        watchdog.cancel()
        if await watchdog.value { throw TimedOut(command: ([program] + arguments.prefix(1)).joined(separator: " ")) }
        return Result(
            status: status,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
