import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Follows a log file written by another process (`tail -F`) into a `ServerLog`, so a line can be
/// awaited as an event instead of re-reading the file.
final class LogFollower: Sendable {
    let log = ServerLog()
    private let process: ProcessBox

    private init(process: ProcessBox) { self.process = process }

    /// Follows `file` from byte `offset` (lines written before are not this run's).
    static func start(file: String, fromByte offset: UInt64) throws(NATSServerControlError) -> LogFollower {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tail")
        process.arguments = ["-c", "+\(offset + 1)", "-F", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let follower = LogFollower(process: ProcessBox(process))
        let log = follower.log
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { log.append(data) }
        }
        do {
            try process.run()
        } catch {
            throw NATSServerControlError(kind: .launchFailed, path: "/usr/bin/tail", detail: "cannot follow \(file): \(error)")
        }
        return follower
    }

    func stop() { process.terminate() }
}

/// `Process` used only for terminate() and its pid, both safe from any thread.
struct ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
