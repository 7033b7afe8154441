import HodeiPlan
import NATSClient

/// A failed JetStream management call: which resource, which API, what the server said, how to fix it.
public struct JetStreamAdminError: Error, Sendable, CustomStringConvertible {
    public enum Failure: Sendable, Hashable {
        /// The server answered with an API error (code, err_code, description kept).
        case api(APIError)
        /// Nothing answers on `$JS.API.*` for this account.
        case noResponders
        /// No answer in time.
        case timeout
        /// The connection failed or closed.
        case transport(String)
        /// The reply was not the JSON expected.
        case invalidResponse(String)
    }

    /// `tenant`, `tenant/stream` or `tenant/stream/consumer`.
    public var resource: String
    /// The API called, e.g. `STREAM.CREATE`.
    public var api: String
    public var failure: Failure

    public init(resource: String, api: String, failure: Failure) {
        self.resource = resource
        self.api = api
        self.failure = failure
    }

    /// The server's API error, when it sent one.
    public var apiError: APIError? {
        if case .api(let error) = failure { return error }
        return nil
    }

    public var tenant: String { String(resource.split(separator: "/").first ?? "") }

    /// "no suitable peers for placement, peer offline" (err_code 10005): a replicated asset cannot
    /// be placed because a peer is not known to be up, which passes once the cluster has settled.
    /// The same err_code for other reasons (insufficient resources, tags) does not.
    public var isPeerOfflineForPlacement: Bool {
        guard let api = apiError else { return false }
        return PlacementRetry.isPeerOffline(errCode: api.errCode, description: api.description)
    }

    public var description: String {
        "\(resource): \(api): \(what) (fix: \(hint))"
    }

    var what: String {
        switch failure {
        case .api(let error) where error.errCode == Self.jetStreamNotEnabledForAccount:
            return "server error \(error.code)/\(error.errCode): \(error.description): "
                + "JetStream is not enabled for the account of tenant \(tenant)"
        case .api(let error):
            return "server error \(error.code)/\(error.errCode): \(error.description)"
        case .noResponders:
            return "no responders: JetStream is not enabled for the account of tenant \(tenant), or this user may not use the JetStream API"
        case .timeout:
            return "no answer from the JetStream API in time"
        case .transport(let detail):
            return "connection failed: \(detail)"
        case .invalidResponse(let detail):
            return "unexpected reply: \(detail)"
        }
    }

    /// How to fix it, in words.
    public var hint: String {
        switch failure {
        case .api(let error):
            switch error.errCode {
            case APIError.streamNameInUse:
                return "a stream of that name exists with another config; run plan to see the difference"
            case APIError.streamNotFound, APIError.consumerNotFound, APIError.consumerDoesNotExist:
                return "it was deleted meanwhile; run plan again"
            case APIError.consumerAlreadyExists:
                return "it was created meanwhile; run plan again"
            case Self.jetStreamNotEnabledForAccount:
                return Self.enableJetStreamHint(tenant)
            case APIError.invalidJSON:
                return "the server does not know a field of this config; check the server version (plan names unsupported fields)"
            default:
                return "check the config against the server's message, then run plan again"
            }
        case .noResponders:
            return Self.enableJetStreamHint(tenant) + ", and check that hodei-admin may publish to $JS.API.>"
        case .timeout:
            // A publish the user's permissions deny is dropped by the server: the request times out.
            return "check that this user may publish to $JS.API.> (a denied request only times out), "
                + "that the JetStream cluster has a leader and the server is not overloaded, then retry"
        case .transport:
            return "check that the server is reachable and the credentials are valid"
        case .invalidResponse:
            return "check that the URL points at a nats-server with JetStream"
        }
    }

    /// `JetStream not enabled for account` (the server has JetStream, this account does not).
    public static let jetStreamNotEnabledForAccount = 10039

    static func enableJetStreamHint(_ tenant: String) -> String {
        "enable JetStream for tenant \(tenant)'s account (its limits in the profile, then `hodei-provision up` or `render`)"
    }

    /// Maps a NATSClient failure of a request to this error.
    static func from(_ error: NATSError, resource: String, api: String) -> JetStreamAdminError {
        let failure: Failure
        switch error.kind {
        case .noResponders: failure = .noResponders
        case .timeout: failure = .timeout
        case .jetStream:
            failure = .api(APIError(code: error.jetStreamCode ?? 0, errCode: error.jetStreamErrorCode ?? 0,
                                    description: error.detail))
        case .invalidResponse: failure = .invalidResponse(error.detail)
        default: failure = .transport(error.description)
        }
        return JetStreamAdminError(resource: resource, api: api, failure: failure)
    }
}
