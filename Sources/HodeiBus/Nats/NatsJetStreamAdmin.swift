import Foundation
import NATSClient

/// The few JetStream management calls the bus makes, as raw JSON through `apiRequest` (libnats'
/// typed configs stop at server 2.9). Streams and durable groups are normally provisioned by
/// `hodei-provision apply`; the bus only creates what is missing and never changes what exists.
struct NatsJetStreamAdmin: Sendable {
    let js: JetStreamContext
    let stream: String
    let timeout: Duration

    static let streamNotFound = 10059
    static let consumerNotFound = 10014

    /// What the bus needs to know about an existing consumer.
    struct ConsumerSummary {
        var filterSubjects: [String]
        var isPush: Bool
        var ackPolicy: String
        /// Stream sequence of the last message delivered (for `deliver: new`, the stream's last
        /// sequence when the consumer was created).
        var deliveredStreamSequence: UInt64
    }

    // MARK: Stream

    func ensureStream(subjects: [String], creation: NatsBusOptions.StreamCreation) async throws(EventBusError) {
        do {
            _ = try await js.apiRequest("STREAM.INFO.\(stream)", timeout: timeout)
            return
        } catch where error.jetStreamErrorCode == Self.streamNotFound {
            guard case .createIfMissing(let storage) = creation else {
                throw EventBusError(code: .invalidConfiguration, context: "stream \(stream)",
                                    message: "the stream does not exist on the server",
                                    hint: "provision it (hodei-provision apply) or set HODEI_NATS_STREAM to the tenant's stream")
            }
            let config: [String: Any] = [
                "name": stream, "subjects": subjects, "storage": storage.rawValue, "retention": "limits",
                "discard": "old", "num_replicas": 1, "duplicate_window": 120_000_000_000,
            ]
            do {
                _ = try await js.apiRequest("STREAM.CREATE.\(stream)", body: Self.json(config), timeout: timeout)
            } catch {
                throw error.busError("stream \(stream)")
            }
        } catch {
            throw error.busError("stream \(stream)")
        }
    }

    // MARK: Consumers

    /// The consumer's summary, nil when it does not exist.
    func consumer(_ name: String) async throws(EventBusError) -> ConsumerSummary? {
        let reply: [UInt8]
        do {
            reply = try await js.apiRequest("CONSUMER.INFO.\(stream).\(name)", timeout: timeout)
        } catch where error.jetStreamErrorCode == Self.consumerNotFound {
            return nil
        } catch {
            throw error.busError("\(stream)/\(name)")
        }
        return try Self.summary(reply, context: "\(stream)/\(name)")
    }

    /// Creates the durable pull consumer of a group (explicit ack). Members racing to create it
    /// send the same config, which the server accepts as a no-op.
    func createGroup(_ name: String, filter: String, options: NatsBusOptions) async throws(EventBusError) {
        let config: [String: Any] = [
            "durable_name": name, "ack_policy": "explicit", "deliver_policy": "all",
            "ack_wait": options.ackWait.wholeNanoseconds, "max_deliver": options.maxDeliver,
            "max_ack_pending": options.maxAckPending, "filter_subject": filter,
            "description": "hodei event bus group",
        ]
        do {
            _ = try await js.apiRequest("CONSUMER.DURABLE.CREATE.\(stream).\(name)",
                                        body: Self.json(["stream_name": stream, "config": config]), timeout: timeout)
        } catch {
            throw error.busError("\(stream)/\(name)")
        }
    }

    /// Creates an ephemeral (named, server-removed when idle) ack-none pull consumer for a
    /// broadcast subscription, starting after `afterSequence` or per `start`.
    func createBroadcast(_ name: String, filter: String, afterSequence: UInt64?, options: NatsBusOptions)
        async throws(EventBusError) -> ConsumerSummary
    {
        var config: [String: Any] = [
            // No mem_storage: libnats refuses to bind when the consumer's differs from its default.
            "name": name, "ack_policy": "none", "filter_subject": filter, "num_replicas": 1, "inactive_threshold": options.inactiveThreshold.wholeNanoseconds,
        ]
        if let afterSequence {
            config["deliver_policy"] = "by_start_sequence"
            config["opt_start_seq"] = afterSequence + 1
        } else {
            config["deliver_policy"] = options.broadcastStart == .all ? "all" : "new"
        }
        let reply: [UInt8]
        do {
            reply = try await js.apiRequest("CONSUMER.CREATE.\(stream).\(name)",
                                            body: Self.json(["stream_name": stream, "config": config]), timeout: timeout)
        } catch {
            throw error.busError("\(stream)/\(name)")
        }
        return try Self.summary(reply, context: "\(stream)/\(name)")
    }

    func deleteConsumer(_ name: String) async {
        _ = try? await js.apiRequest("CONSUMER.DELETE.\(stream).\(name)", timeout: timeout)
    }

    // MARK: JSON

    static func json(_ object: [String: Any]) -> [UInt8] {
        // Only plain strings, numbers, arrays and dictionaries go in: serialisation cannot fail.
        (try? Array(JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))) ?? []
    }

    private static func summary(_ reply: [UInt8], context: String) throws(EventBusError) -> ConsumerSummary {
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any],
              let config = object["config"] as? [String: Any] else {
            throw EventBusError(code: .backendUnavailable, context: context,
                                message: "unexpected consumer info: \(String(decoding: reply.prefix(200), as: UTF8.self))")
        }
        var filters = (config["filter_subjects"] as? [String]) ?? []
        if let single = config["filter_subject"] as? String, !single.isEmpty { filters.append(single) }
        let delivered = object["delivered"] as? [String: Any]
        return ConsumerSummary(
            filterSubjects: filters,
            isPush: (config["deliver_subject"] as? String).map { !$0.isEmpty } ?? false,
            ackPolicy: config["ack_policy"] as? String ?? "none",
            deliveredStreamSequence: (delivered?["stream_seq"] as? NSNumber)?.uint64Value ?? 0)
    }
}

extension Duration {
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
