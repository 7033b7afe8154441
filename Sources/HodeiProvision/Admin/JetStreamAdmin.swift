import Foundation
import HodeiPlan
import NATSClient

/// The JetStream management API of one account, as JSON requests to `$JS.API.*` over a NATS
/// connection (never libnats' typed configs, which stop at server 2.9 and would drop newer fields).
///
/// Replies decode into HodeiPlan's types, which keep unknown fields, so an update built from a live
/// config sends back what this tool does not know. Every failure is a `JetStreamAdminError` naming
/// the resource (`tenant/stream/consumer`) and the API.
public struct JetStreamAdmin: Sendable {
    /// Whether consumer writes carry `action` (`create` / `update`): servers 2.10 and later.
    public enum ConsumerWrite: String, Sendable {
        case create, update
    }

    public let connection: NATSConnection
    /// The tenant whose account this connection is in; used to name resources in errors.
    public let tenant: String
    /// `$JS.API` or `$JS.<domain>.API`.
    public let apiPrefix: String
    public let timeout: Duration
    /// Send `action` on consumer create/update (server ≥ 2.10); 2.9 does not know the field.
    public var usesConsumerActions: Bool
    /// How long a stream create keeps trying while the server answers "no suitable peers for
    /// placement, peer offline": right after a cluster (re)start the meta leader places nothing
    /// until it has heard from every peer. A peer that stays down still fails after this.
    public var placementWait: Duration = PlacementRetry.defaultWait

    public init(
        connection: NATSConnection, tenant: String, domain: String? = nil, timeout: Duration = .seconds(5),
        usesConsumerActions: Bool = true
    ) {
        self.connection = connection
        self.tenant = tenant
        self.apiPrefix = domain.map { "$JS.\($0).API" } ?? "$JS.API"
        self.timeout = timeout
        self.usesConsumerActions = usesConsumerActions
    }

    // MARK: Account

    /// `$JS.API.INFO`: usage, limits and (2.10+) the API level.
    public func accountInfo() async throws(JetStreamAdminError) -> AccountInfo {
        try await call("INFO", resource: tenant, as: AccountInfo.self)
    }

    // MARK: Streams

    /// Every stream name (`STREAM.NAMES`, all pages).
    public func streamNames() async throws(JetStreamAdminError) -> [String] {
        try await allPages("STREAM.NAMES", resource: tenant, as: NamesPage.self) { page in
            (page.streams ?? [], page.nextOffset(received: page.streams?.count ?? 0))
        }
    }

    /// Every stream with config and state (`STREAM.LIST`, all pages).
    public func streams() async throws(JetStreamAdminError) -> [StreamInfo] {
        try await allPages("STREAM.LIST", resource: tenant, as: StreamListPage.self) { ($0.streams, $0.nextOffset) }
    }

    /// `STREAM.INFO`; nil when the stream does not exist.
    public func streamInfo(_ name: String) async throws(JetStreamAdminError) -> StreamInfo? {
        do {
            return try await call("STREAM.INFO.\(name)", resource: address(name), as: StreamInfo.self)
        } catch where error.apiError?.errCode == APIError.streamNotFound {
            return nil
        }
    }

    @discardableResult
    public func createStream(_ config: StreamConfig) async throws(JetStreamAdminError) -> StreamInfo {
        let name = config.name ?? ""
        return try await PlacementRetry.run(waiting: placementWait, isPeerOffline: \.isPeerOfflineForPlacement) {
            () throws(JetStreamAdminError) -> StreamInfo in
            try await call("STREAM.CREATE.\(name)", resource: address(name), body: config.fields, as: StreamInfo.self)
        }
    }

    @discardableResult
    public func updateStream(_ config: StreamConfig) async throws(JetStreamAdminError) -> StreamInfo {
        let name = config.name ?? ""
        return try await call("STREAM.UPDATE.\(name)", resource: address(name), body: config.fields, as: StreamInfo.self)
    }

    public func deleteStream(_ name: String) async throws(JetStreamAdminError) {
        _ = try await call("STREAM.DELETE.\(name)", resource: address(name), as: SuccessReply.self)
    }

    // MARK: Consumers

    /// Every consumer of `stream` with config and progress (`CONSUMER.LIST`, all pages).
    public func consumers(of stream: String) async throws(JetStreamAdminError) -> [ConsumerInfo] {
        try await allPages("CONSUMER.LIST.\(stream)", resource: address(stream), as: ConsumerListPage.self) {
            ($0.consumers, $0.nextOffset)
        }
    }

    /// `CONSUMER.INFO`; nil when the consumer (or its stream) does not exist.
    public func consumerInfo(stream: String, name: String) async throws(JetStreamAdminError) -> ConsumerInfo? {
        do {
            return try await call("CONSUMER.INFO.\(stream).\(name)", resource: address(stream, name), as: ConsumerInfo.self)
        } catch where [APIError.consumerNotFound, APIError.streamNotFound].contains(error.apiError?.errCode ?? 0) {
            return nil
        }
    }

    /// Creates a named consumer (`CONSUMER.CREATE.<stream>.<name>`, `action: create` on 2.10+: fails
    /// with 10148 instead of silently updating one that exists).
    @discardableResult
    public func createConsumer(stream: String, _ config: ConsumerConfig) async throws(JetStreamAdminError) -> ConsumerInfo {
        try await writeConsumer(stream: stream, config, action: .create)
    }

    /// Updates a consumer in place (`action: update` on 2.10+: fails with 10149 if it vanished).
    @discardableResult
    public func updateConsumer(stream: String, _ config: ConsumerConfig) async throws(JetStreamAdminError) -> ConsumerInfo {
        try await writeConsumer(stream: stream, config, action: .update)
    }

    public func deleteConsumer(stream: String, name: String) async throws(JetStreamAdminError) {
        _ = try await call("CONSUMER.DELETE.\(stream).\(name)", resource: address(stream, name), as: SuccessReply.self)
    }

    private func writeConsumer(stream: String, _ config: ConsumerConfig, action: ConsumerWrite)
        async throws(JetStreamAdminError) -> ConsumerInfo
    {
        let name = config.resolvedName ?? ""
        var body: [String: JSONValue] = ["stream_name": .string(stream), "config": .object(config.fields)]
        if usesConsumerActions { body["action"] = .string(action.rawValue) }
        return try await call("CONSUMER.CREATE.\(stream).\(name)", resource: address(stream, name), body: body,
                              as: ConsumerInfo.self)
    }

    // MARK: Transport

    /// Asks for pages (`{"offset": N}`) until `page` says there is no next offset.
    private func allPages<Page: Decodable & Sendable, Item>(
        _ api: String, resource: String, as type: Page.Type, _ page: (Page) -> ([Item], Int?)
    ) async throws(JetStreamAdminError) -> [Item] {
        var items: [Item] = []
        var offset = 0
        while true {
            let (received, next) = page(try await call(api, resource: resource, body: ["offset": .int(Int64(offset))], as: type))
            items += received
            guard let next, next > offset else { return items }
            offset = next
        }
    }

    func address(_ parts: String...) -> String { ([tenant] + parts).joined(separator: "/") }

    /// One request: encodes `body` (none when nil), decodes the reply as `T` or its API error.
    func call<T: Decodable & Sendable>(
        _ api: String, resource: String, body: [String: JSONValue]? = nil, as type: T.Type
    ) async throws(JetStreamAdminError) -> T {
        let apiName = api.split(separator: ".").prefix(2).joined(separator: ".")
        let payload: [UInt8]
        if let body {
            let value = JSONValue.object(body)
            guard value.isFiniteJSON else {
                throw JetStreamAdminError(resource: resource, api: apiName,
                                          failure: .invalidResponse("cannot encode request: a number is not finite"))
            }
            payload = value.canonicalUTF8
        } else {
            payload = []
        }
        let reply: NATSMessage
        do {
            reply = try await connection.request(subject: "\(apiPrefix).\(api)", data: payload, timeout: timeout)
        } catch {
            throw JetStreamAdminError.from(error, resource: resource, api: apiName)
        }
        let response: APIResponse<T>
        do {
            response = try APIResponse<T>.decode(bytes: reply.data)
        } catch {
            throw JetStreamAdminError(
                resource: resource, api: apiName,
                failure: .invalidResponse("\(error) in \(String(decoding: reply.data.prefix(200), as: UTF8.self))"))
        }
        switch response {
        case .success(let value): return value
        case .failure(let error): throw JetStreamAdminError(resource: resource, api: apiName, failure: .api(error))
        }
    }
}
