import Foundation

/// A tiny shell per server that SIGKILLs it once this (test or CLI) process is gone, so a crashed
/// or killed test run leaves no server behind. It polls once a second; it is not used for
/// synchronisation. Also records the server pid in `$HODEI_NATS_PID_DIR` for scripts/test.sh.
enum Watchdog {
    /// Forgets a server that stopped normally (its pid may be reused later).
    static func forget(serverPID: Int32) {
        if let pidDirectory = ProcessInfo.processInfo.environment["HODEI_NATS_PID_DIR"] {
            try? FileManager.default.removeItem(atPath: "\(pidDirectory)/\(serverPID).pid")
        }
    }

    static func start(guarding serverPID: Int32) -> Process? {
        let ownPID = ProcessInfo.processInfo.processIdentifier
        if let pidDirectory = ProcessInfo.processInfo.environment["HODEI_NATS_PID_DIR"] {
            try? FileManager.default.createDirectory(atPath: pidDirectory, withIntermediateDirectories: true)
            try? "\(serverPID)\n".write(toFile: "\(pidDirectory)/\(serverPID).pid", atomically: true, encoding: .utf8)
        }
        // "Alive" excludes zombies: a killed parent may stay a zombie where pid 1 never reaps.
        let script = """
            alive() { state=$(sed 's/.*) //' /proc/$1/stat 2>/dev/null | cut -c1); [ -n "$state" ] && [ "$state" != Z ]; }
            while alive \(ownPID) && alive \(serverPID); do sleep 1; done
            alive \(ownPID) || kill -9 \(serverPID) 2>/dev/null
            exit 0
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        return process
    }
}
