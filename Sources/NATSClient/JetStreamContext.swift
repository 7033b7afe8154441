import CNATS
import Dispatch
import Foundation
import Synchronization

/// The JetStream data path of one connection: publish with ack, windowed batch publish, pull
/// consumers. Management (streams, consumers) goes through `apiRequest` as raw JSON, because
/// libnats 3.4.1's typed configs stop at server 2.9.
public final class JetStreamContext: @unchecked Sendable {
    // @unchecked Sendable: `js` is set once and destroyed only in deinit; batches, the only users
    // of its async-publish state, are serialised on `batchQueue`; the collector is Sendable.
    public let connection: NATSConnection
    /// `$JS.API` or `$JS.<domain>.API`.
    public let apiPrefix: String
    /// Most async publishes awaiting an ack at once in `publishBatch`.
    public let maxInFlight: Int
    let js: OpaquePointer
    private let collector = BatchAckCollector()
    /// Set once a batch ran: libnats then owns a reply subscription for acks inside `js`.
    private let publishedAsync = Atomic<Bool>(false)
    private let batchQueue = DispatchQueue(label: "NATSClient.jetstream-batch")

    init(connection: NATSConnection, domain: String?, maxInFlight: Int, apiTimeout: Duration) throws(NATSError) {
        self.connection = connection
        self.apiPrefix = domain.map { "$JS.\($0).API" } ?? "$JS.API"
        self.maxInFlight = maxInFlight
        // libnats may call the ack handler until the connection closes: the collector lives
        // that long (the connection keeps it), so the unretained pointer below stays valid.
        connection.callbacks.keepAlive(collector)
        var options = jsOptions()
        jsOptions_Init(&options)
        options.Wait = apiTimeout.milliseconds
        options.PublishAsync.MaxPending = Int64(maxInFlight)
        options.PublishAsync.AckHandler = batchAckHandler
        options.PublishAsync.AckHandlerClosure = Unmanaged.passUnretained(collector).toOpaque()
        // Wait for room in the window rather than failing the publish after 200 ms.
        options.PublishAsync.StallWait = 60_000
        var context: OpaquePointer?
        let status: natsStatus = domain.map { domain in
            domain.withCString { pointer in
                options.Domain = pointer
                return natsConnection_JetStream(&context, connection.handle, &options)
            }
        } ?? natsConnection_JetStream(&context, connection.handle, &options)
        try check(status, "create JetStream context")
        guard let context else {
            throw NATSError(kind: .libnats, operation: "create JetStream context", detail: "no context returned")
        }
        js = context
    }

    deinit {
        if publishedAsync.load(ordering: .acquiring) {
            // Freeing `js` frees its ack subscription without an unsubscribe first: only safe
            // once the connection's read loop has stopped (see `SubscriptionReaper`).
            connection.callbacks.reaper.retireAtClose(jetStream: js)
        } else {
            jsCtx_Destroy(js)
        }
    }

    // MARK: Publish

    /// Publishes and waits for the stream's ack. `msgId` sets `Nats-Msg-Id` (dedupe within the
    /// stream's duplicate window: the ack then says `duplicate`); `expectedStream` makes the
    /// server reject the message unless that stream takes it. Throws `.noResponders` when no
    /// stream listens on `subject`, `.jetStream` for a server rejection.
    public func publish(
        subject: String, data: [UInt8], headers: NATSHeaders? = nil, msgId: String? = nil,
        expectedStream: String? = nil, timeout: Duration = .seconds(5)
    ) async throws(NATSError) -> PubAck {
        var allHeaders = headers ?? NATSHeaders()
        if let msgId { allHeaders["Nats-Msg-Id"] = msgId }
        if let expectedStream { allHeaders["Nats-Expected-Stream"] = expectedStream }
        let reply = try await connection.request(subject: subject, data: data, headers: allHeaders, timeout: timeout)
        return try JetStreamAPIResponse.decode(PubAck.self, from: reply.data, operation: "publish \(subject)")
    }

    /// Publishes all `messages` with at most `maxInFlight` unacknowledged at a time and returns
    /// each message's outcome. Runs on a private thread (libnats stalls the caller when the
    /// window is full); one batch at a time per context. Messages without an ack after
    /// `ackTimeout` fail with `.timeout`.
    public func publishBatch(_ messages: [JetStreamOutgoingMessage], ackTimeout: Duration = .seconds(30))
        async throws(NATSError) -> JetStreamBatchResult
    {
        let collector = self.collector
        let window = maxInFlight
        publishedAsync.store(true, ordering: .releasing)
        return try await BlockingCalls.run(on: batchQueue) { [self] () throws(NATSError) -> JetStreamBatchResult in
            collector.begin(count: messages.count, window: window)
            for (index, outgoing) in messages.enumerated() {
                if let error = Self.publishAsync(self.js, outgoing, index: index, collector: collector) {
                    collector.fail(index: index, error)
                }
            }
            return self.completeBatch(collector: collector, ackTimeout: ackTimeout)
        }
    }

    /// Like `publishBatch(_:ackTimeout:)`, but each message is built on the publishing thread
    /// just before it is sent (`build(index, &message)` for index 0..<count), into buffers reused
    /// from one message to the next: producing the bytes (e.g. encoding) overlaps the acks of the
    /// messages in flight, and no array of messages or per-message allocation is needed.
    /// `build` starts from an empty `payload` and `msgId` and the previous message's `subject`.
    public func publishBatch(count: Int, ackTimeout: Duration = .seconds(30),
                             build: @escaping @Sendable (_ index: Int, _ message: inout JetStreamMessageBuilder) -> Void)
        async throws(NATSError) -> JetStreamBatchResult
    {
        let collector = self.collector
        let window = maxInFlight
        publishedAsync.store(true, ordering: .releasing)
        return try await BlockingCalls.run(on: batchQueue) { [self] () throws(NATSError) -> JetStreamBatchResult in
            collector.begin(count: count, window: window)
            var message = JetStreamMessageBuilder()
            for index in 0..<count {
                message.payload.removeAll(keepingCapacity: true)
                message.msgId.removeAll(keepingCapacity: true)
                build(index, &message)
                if !message.msgId.isEmpty { message.msgId.append(0) }
                let error = message.payload.withUnsafeBytes { payload in
                    message.msgId.withUnsafeBufferPointer { msgId in
                        message.subject.withCString { subject in
                            Self.publishAsync(self.js, subject: subject, payload: payload,
                                              msgId: msgId.isEmpty ? nil : UnsafeRawPointer(msgId.baseAddress!).assumingMemoryBound(to: CChar.self), headers: nil,
                                              index: index, collector: collector)
                        }
                    }
                }
                if let error { collector.fail(index: index, error) }
            }
            return self.completeBatch(collector: collector, ackTimeout: ackTimeout)
        }
    }

    /// Waits for the acks of the batch in flight (or fails what is left after `ackTimeout`).
    private func completeBatch(collector: BatchAckCollector, ackTimeout: Duration) -> JetStreamBatchResult {
        var waitOptions = jsPubOptions()
        jsPubOptions_Init(&waitOptions)
        waitOptions.MaxWait = ackTimeout.milliseconds
        let completed = js_PublishAsyncComplete(js, &waitOptions)
        if completed != NATS_OK {
            // Take back what is still pending so libnats forgets it; it failed.
            var pending = natsMsgList()
            if js_PublishAsyncGetPendingList(&pending, js) == NATS_OK { natsMsgList_Destroy(&pending) }
            collector.failOutstanding(NATSError(
                kind: .timeout, status: NATSStatus(completed), operation: "publish batch",
                detail: "no ack within \(ackTimeout)"))
        }
        return collector.finish()
    }

    /// One async publish; returns the error if libnats refused it (then it never reaches the handler).
    private static func publishAsync(_ js: OpaquePointer, _ outgoing: JetStreamOutgoingMessage, index: Int,
                                     collector: BatchAckCollector) -> NATSError? {
        outgoing.data.withUnsafeBytes { payload in
            outgoing.subject.withCString { subject in
                withOptionalCString(outgoing.msgId) { msgId in
                    publishAsync(js, subject: subject, payload: payload, msgId: msgId, headers: outgoing.headers,
                                 index: index, collector: collector)
                }
            }
        }
    }

    private static func publishAsync(_ js: OpaquePointer, subject: UnsafePointer<CChar>, payload: UnsafeRawBufferPointer,
                                     msgId: UnsafePointer<CChar>?, headers: NATSHeaders?, index: Int,
                                     collector: BatchAckCollector) -> NATSError? {
        var msg: OpaquePointer?
        let created = natsMsg_Create(&msg, subject, nil, payload.baseAddress?.assumingMemoryBound(to: CChar.self),
                                     Int32(payload.count))
        guard created == NATS_OK, let created = msg else {
            return NATSError.fromStatus(created, operation: "publish \(String(cString: subject))")
        }
        if let msgId { _ = natsMsgHeader_Set(created, "Nats-Msg-Id", msgId) }
        if let headers {
            for (name, values) in headers.fields {
                for value in values { _ = natsMsgHeader_Add(created, name, value) }
            }
        }
        collector.register(created, index: index)
        let status = js_PublishMsgAsync(js, &msg, nil)
        if status != NATS_OK {
            collector.unregister(created)
            if let msg { natsMsg_Destroy(msg) }
            return NATSError.fromStatus(status, operation: "publish \(String(cString: subject))")
        }
        return nil
    }

    // MARK: Consume

    /// Pull subscription on durable consumer `durable` of `stream` (filter `subject`, explicit
    /// acks), created if missing. This module creates the consumer itself: libnats deletes a
    /// consumer it created as soon as the subscription is unsubscribed, and a durable must
    /// outlive its subscription. An existing durable with another configuration is an error
    /// (`action: create` makes the server refuse rather than silently change it), not an update.
    public func pullSubscribe(subject: String, durable: String, stream: String) async throws(NATSError)
        -> JetStreamPullSubscription
    {
        let request = DurableCreateRequest(stream_name: stream, config: .init(
            durable_name: durable, ack_policy: "explicit", filter_subject: subject), action: "create")
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(request))
        } catch {
            throw NATSError(kind: .invalidArgument, operation: "pull subscribe \(stream)/\(durable)", detail: "\(error)")
        }
        _ = try await apiRequest("CONSUMER.CREATE.\(stream).\(durable)", body: body)
        return try await bindPull(stream: stream, consumer: durable)
    }

    /// Pull subscription bound to an existing consumer of `stream` (never creates one).
    public func bindPull(stream: String, consumer: String) async throws(NATSError) -> JetStreamPullSubscription {
        let name = "\(stream)/\(consumer)"
        let handle = try await BlockingCalls.run { [self] () throws(NATSError) -> UInt in
            var subscription: OpaquePointer?
            var options = jsSubOptions()
            jsSubOptions_Init(&options)
            options.ManualAck = true
            var errorCode = jsErrCode(0)
            let status = stream.withCString { streamPointer in
                consumer.withCString { consumerPointer in
                    options.Stream = streamPointer
                    options.Consumer = consumerPointer
                    return js_PullSubscribe(&subscription, self.js, nil, nil, nil, &options, &errorCode)
                }
            }
            try check(status, "pull subscribe \(name)")
            guard let subscription else {
                throw NATSError(kind: .libnats, operation: "pull subscribe \(name)", detail: "no subscription returned")
            }
            return UInt(bitPattern: subscription)
        }
        return JetStreamPullSubscription(handle: OpaquePointer(bitPattern: handle)!, connection: connection, name: name)
    }

    // MARK: Management

    /// Sends `body` (JSON) to `<apiPrefix>.<api>` (e.g. `STREAM.CREATE.ORDERS`) and returns the
    /// response JSON; throws `.jetStream` with the server's code and description for an API error,
    /// `.noResponders` when JetStream is not enabled for the account. `headers` carry e.g.
    /// `Nats-Required-Api-Level`.
    public func apiRequest(_ api: String, body: [UInt8] = [], headers: NATSHeaders? = nil,
                           timeout: Duration = .seconds(5)) async throws(NATSError) -> [UInt8] {
        let subject = "\(apiPrefix).\(api)"
        let reply = try await connection.request(subject: subject, data: body, headers: headers, timeout: timeout)
        try JetStreamAPIResponse.checkError(reply.data, operation: subject)
        return reply.data
    }
}

extension NATSConnection {
    /// JetStream on this connection. `maxInFlight` bounds unacknowledged async publishes.
    public func jetStream(domain: String? = nil, maxInFlight: Int = 4096, apiTimeout: Duration = .seconds(5))
        throws(NATSError) -> JetStreamContext
    {
        try JetStreamContext(connection: self, domain: domain, maxInFlight: maxInFlight, apiTimeout: apiTimeout)
    }
}

private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}

/// Body of `CONSUMER.CREATE`: field names are the JetStream API's.
private struct DurableCreateRequest: Encodable {
    struct Config: Encodable {
        var durable_name: String
        var ack_policy: String
        var filter_subject: String
    }

    var stream_name: String
    var config: Config
    /// `create`: succeed for an identical consumer, refuse a different one (server 2.10+).
    var action: String
}
