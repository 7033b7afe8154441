/// Small replies of the JetStream API that HodeiPlan does not model.

/// `{"success": true}` of deletes.
struct SuccessReply: Decodable, Sendable {
    var success: Bool?
}

/// A page of `STREAM.NAMES`.
struct NamesPage: Decodable, Sendable {
    var total: Int?
    var offset: Int?
    var streams: [String]?

    func nextOffset(received: Int) -> Int? {
        let start = offset ?? 0
        guard received > 0, start + received < (total ?? 0) else { return nil }
        return start + received
    }
}
