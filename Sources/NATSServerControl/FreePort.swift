#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that was free a moment ago (bind port 0, read it back, close).
/// Another process could take it before the server binds; the server then fails fast and says so.
public enum FreePort {
    public static func next() throws(NATSServerControlError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NATSServerControlError(kind: .io, path: "127.0.0.1:0", detail: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw NATSServerControlError(kind: .io, path: "127.0.0.1:0", detail: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
