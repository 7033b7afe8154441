import CNATS
#if canImport(Glibc)
import Glibc
#endif

/// A received message, copied out of libnats (the C message is destroyed right after).
public struct NATSMessage: Sendable {
    public var subject: String
    public var reply: String?
    public var headers: NATSHeaders
    public var data: [UInt8]

    public init(subject: String, reply: String? = nil, headers: NATSHeaders = NATSHeaders(), data: [UInt8]) {
        self.subject = subject
        self.reply = reply
        self.headers = headers
        self.data = data
    }

    /// Copies subject, reply, headers and payload out of `msg`. Does not destroy it.
    init(copying msg: OpaquePointer) {
        subject = String(cString: natsMsg_GetSubject(msg))
        reply = natsMsg_GetReply(msg).map { String(cString: $0) }
        headers = Self.copyHeaders(msg)
        let length = Int(natsMsg_GetDataLength(msg))
        if length > 0, let bytes = natsMsg_GetData(msg) {
            data = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        } else {
            data = []
        }
    }

    static func copyHeaders(_ msg: OpaquePointer) -> NATSHeaders {
        var headers = NATSHeaders()
        var keys: UnsafeMutablePointer<UnsafePointer<CChar>?>?
        var keyCount: Int32 = 0
        guard natsMsgHeader_Keys(msg, &keys, &keyCount) == NATS_OK, let keys else { return headers }
        defer { free(keys) }
        for index in 0..<Int(keyCount) {
            guard let key = keys[index] else { continue }
            let name = String(cString: key)
            var values: UnsafeMutablePointer<UnsafePointer<CChar>?>?
            var valueCount: Int32 = 0
            guard natsMsgHeader_Values(msg, key, &values, &valueCount) == NATS_OK, let values else { continue }
            for valueIndex in 0..<Int(valueCount) {
                if let value = values[valueIndex] { headers.add(name, String(cString: value)) }
            }
            free(values)
        }
        return headers
    }
}

extension NATSMessage {
    /// The payload as UTF-8 text.
    public var string: String { String(decoding: data, as: UTF8.self) }
}
