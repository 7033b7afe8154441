import CNATS
import Synchronization

/// A connection to a NATS server (or cluster), owning one `natsConnection*`.
///
/// All blocking libnats calls (connect, flush, close) run on Dispatch worker threads, never on
/// Swift's cooperative pool. `request` is non-blocking: replies come through one wildcard inbox
/// subscription shared by all requests of this connection.
public final class NATSConnection: @unchecked Sendable {
    // @unchecked Sendable: `handle` and `muxSubscription` are set once in init and destroyed only
    // in deinit; libnats' connection and publish calls are thread-safe. Mutable state lives in
    // `callbacks` and `mux`, which are Sendable themselves.
    let handle: OpaquePointer
    private let muxSubscription: OpaquePointer
    let mux: RequestMux
    let callbacks: ConnectionCallbacks
    public let options: NATSConnectOptions

    private init(handle: OpaquePointer, muxSubscription: OpaquePointer, mux: RequestMux,
                 callbacks: ConnectionCallbacks, options: NATSConnectOptions) {
        self.handle = handle
        self.muxSubscription = muxSubscription
        self.mux = mux
        self.callbacks = callbacks
        self.options = options
    }

    /// Destroying closes the connection if still open (libnats' per-connection close, never the
    /// process-wide `nats_Close`). Prefer `drain()` or `close()` for an orderly end.
    deinit {
        // Close first: libnats joins the read loop, so destroying the inbox subscription after
        // cannot race with a reply being looked up (see `SubscriptionReaper`). The subscription
        // still holds a reference on the connection until then.
        natsConnection_Destroy(handle)
        natsSubscription_Destroy(muxSubscription)
    }

    /// Connects, or throws: `.fileUnreadable` (before any network I/O) for a missing auth or TLS
    /// file, `.connectionRefused` when no server answers, `.authorizationViolation` when the
    /// server rejects the credentials, `.tls` for handshake failures.
    public static func connect(_ options: NATSConnectOptions) async throws(NATSError) -> NATSConnection {
        try COptions.verifyFiles(options)
        return try await BlockingCalls.run { () throws(NATSError) -> NATSConnection in
            do throws(NATSError) {
                return try connectBlocking(options)
            } catch where error.kind == .authorizationViolation && options.auth.signsNonce {
                // libnats 3.4.1 now and then sends CONNECT without the nonce signature (server log:
                // "Signature missing"; 8 of 3,000 connects with valid creds here). A second attempt
                // gets a new nonce; credentials that are really wrong are refused again.
                return try connectBlocking(options)
            }
        }
    }

    private static func connectBlocking(_ options: NATSConnectOptions) throws(NATSError) -> NATSConnection {
        let cOptions = try COptions()
        try cOptions.apply(options)
        let callbacks = ConnectionCallbacks()
        let context = try callbacks.install(on: cOptions.pointer)
        var connection: OpaquePointer?
        let status = natsConnection_Connect(&connection, cOptions.pointer)
        guard status == NATS_OK, let connection else {
            // A connection that never connected never calls the closed callback: the retain
            // handed to libnats is ours to release.
            Unmanaged<ConnectionCallbacks>.fromOpaque(context).release()
            throw NATSError.fromStatus(status, operation: "connect \(options.servers.joined(separator: ","))")
        }
        let mux = RequestMux(inboxPrefix: options.inboxPrefix ?? "_INBOX")
        let muxSubscription: OpaquePointer
        do throws(NATSError) {
            muxSubscription = try mux.subscribe(on: connection)
        } catch {
            natsConnection_Destroy(connection)
            throw error
        }
        return NATSConnection(handle: connection, muxSubscription: muxSubscription, mux: mux,
                              callbacks: callbacks, options: options)
    }

    // MARK: Publish / request / subscribe

    /// Queues a message for sending (libnats buffers and flushes in the background).
    public func publish(subject: String, data: [UInt8], headers: NATSHeaders? = nil, reply: String? = nil) throws(NATSError) {
        if let headers, !headers.isEmpty {
            try publishMessage(subject: subject, reply: reply, data: data, headers: headers)
            return
        }
        let status = data.withUnsafeBytes { bytes in
            if let reply {
                natsConnection_PublishRequest(handle, subject, reply, bytes.baseAddress, Int32(bytes.count))
            } else {
                natsConnection_Publish(handle, subject, bytes.baseAddress, Int32(bytes.count))
            }
        }
        try check(status, "publish \(subject)")
    }

    public func publish(subject: String, string: String, headers: NATSHeaders? = nil) throws(NATSError) {
        try publish(subject: subject, data: Array(string.utf8), headers: headers)
    }

    private func publishMessage(subject: String, reply: String?, data: [UInt8], headers: NATSHeaders) throws(NATSError) {
        var msg: OpaquePointer?
        let created = data.withUnsafeBytes { bytes in
            natsMsg_Create(&msg, subject, reply, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        try check(created, "publish \(subject)")
        guard let msg else { return }
        defer { natsMsg_Destroy(msg) }
        for (name, values) in headers.fields {
            for value in values { try check(natsMsgHeader_Add(msg, name, value), "set header \(name)") }
        }
        try check(natsConnection_PublishMsg(handle, msg), "publish \(subject)")
    }

    /// Sends a request and waits for the first reply, at most `timeout`. Throws `.timeout` (also
    /// when the task is cancelled), `.noResponders` or `.connectionClosed`.
    public func request(subject: String, data: [UInt8], headers: NATSHeaders? = nil,
                        timeout: Duration = .seconds(5)) async throws(NATSError) -> NATSMessage {
        let box = ReplySubjectBox()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: RequestMux.Waiter) in
                guard let reply = mux.register(waiter, timeout: timeout, subject: subject) else { return }
                box.set(reply)
                do throws(NATSError) {
                    try publish(subject: subject, data: data, headers: headers, reply: reply)
                } catch {
                    mux.fail(replySubject: reply, error)
                }
            }
        } onCancel: {
            if let reply = box.get() {
                mux.fail(replySubject: reply, NATSError(kind: .timeout, status: .timeout,
                                                        operation: "request \(subject)", detail: "cancelled"))
            }
        }
        return try result.get()
    }

    /// Subscribes; see `NATSSubscription` for when its sequence ends.
    public func subscribe(subject: String, queue: String? = nil) throws(NATSError) -> NATSSubscription {
        try NATSSubscription(connection: handle, reaper: callbacks.reaper, subject: subject, queue: queue)
    }

    // MARK: Lifecycle

    /// Waits until the server has processed everything sent so far.
    public func flush(timeout: Duration = .seconds(5)) async throws(NATSError) {
        try await BlockingCalls.run { [self] () throws(NATSError) in
            try check(natsConnection_FlushTimeout(handle, timeout.milliseconds), "flush")
        }
    }

    /// Stops subscriptions, delivers what is in flight, flushes, then closes; returns when closed.
    public func drain(timeout: Duration = .seconds(10)) async throws(NATSError) {
        let status = natsConnection_DrainTimeout(handle, timeout.milliseconds)
        if status == NATS_CONNECTION_CLOSED { return }
        try check(status, "drain connection")
        await callbacks.waitUntilClosed()
    }

    /// Closes now; pending requests fail with `.connectionClosed`. Idempotent.
    public func close() async {
        _ = try? await BlockingCalls.run { [self] () throws(NATSError) in natsConnection_Close(handle) }
        await callbacks.waitUntilClosed()
    }

    public var isClosed: Bool { natsConnection_IsClosed(handle) }

    /// Disconnect / reconnect / closed events from now on.
    public func events() -> NATSConnectionEvents { callbacks.events() }

    /// URL of the server currently connected to, if any.
    public var connectedURL: String? { readString(natsConnection_GetConnectedUrl) }

    /// Server id (from the server's INFO) currently connected to, if any.
    public var connectedServerID: String? { readString(natsConnection_GetConnectedServerId) }

    private func readString(_ read: (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int) -> natsStatus) -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        guard read(handle, &buffer, buffer.count) == NATS_OK, buffer[0] != 0 else { return nil }
        return String(nulTerminated: buffer)
    }

    /// Largest payload the connected server accepts, in bytes.
    public var maxPayload: Int { Int(natsConnection_GetMaxPayload(handle)) }

    /// The libnats version this module runs against.
    public static var libnatsVersion: String { String(cString: nats_GetVersion()) }
}

/// Hands a request's reply subject from the continuation body to the cancellation handler.
private final class ReplySubjectBox: Sendable {
    private let value = Mutex<String?>(nil)
    func set(_ reply: String) { value.withLock { $0 = reply } }
    func get() -> String? { value.withLock { $0 } }
}
