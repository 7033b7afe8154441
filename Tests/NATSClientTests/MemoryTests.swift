import Foundation
import NATSClient
import NATSServerControl
import Testing

@Suite("Lifetimes", .timeLimit(.minutes(3)))
struct MemoryTests {
    /// Resident set size in KiB, from /proc/self/statm (pages × page size).
    static func residentKiB() throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = Int(text.split(separator: " ")[1]) ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    static func cycle(_ server: NATSServer) async throws {
        let connection = try await connect(server)
        let subscription = try connection.subscribe(subject: "cycle")
        try connection.publish(subject: "cycle", data: [1, 2, 3])
        var iterator = subscription.makeAsyncIterator()
        _ = await iterator.next()
        _ = try await connection.request(subject: "cycle", data: [], timeout: .milliseconds(1)) as NATSMessage?
        await connection.close()
    }

    @Test("1,000 connect/subscribe/close cycles do not grow memory")
    func noGrowth() async throws {
        try await withNATSServer(NATSServerConfiguration(jetStream: false)) { server in
            for _ in 0..<200 { try? await Self.cycle(server) }
            let before = try Self.residentKiB()
            for _ in 0..<1_000 { try? await Self.cycle(server) }
            let after = try Self.residentKiB()
            // A leak of even one small object per cycle (a connection is tens of KiB in libnats)
            // would show as several MiB; allocator noise stays well below this bound.
            #expect(after - before < 4_096, "RSS grew from \(before) KiB to \(after) KiB over 1,000 cycles")
        }
    }
}
