import NATSClient

extension NATSError {
    /// The bus error for a failed NATS operation on `context` (a subject or `stream/consumer`).
    /// `NATSError` never carries secrets, so its text can be passed on.
    func busError(_ context: String, publishing: Bool = false) -> EventBusError {
        let code: EventBusError.Code
        let hint: String?
        switch kind {
        case .timeout:
            code = .timeout
            hint = "check that the server is reachable and the stream is healthy; a retried publish is deduplicated by event id"
        case .noResponders:
            code = publishing ? .publishFailed : .backendUnavailable
            hint = "no stream listens on this subject (or JetStream is disabled for the account): provision it with hodei-provision apply"
        case .connectionClosed:
            code = .closed
            hint = "the NATS connection is closed; create a new bus"
        case .authorizationViolation:
            code = .backendUnavailable
            hint = "check the credentials and the user's permissions in the profile"
        case .jetStream:
            code = publishing ? .publishFailed : .backendUnavailable
            hint = jetStreamErrorCode.map { "JetStream error \($0)" }
        default:
            code = publishing ? .publishFailed : .backendUnavailable
            hint = nil
        }
        return EventBusError(code: code, context: context, message: description, hint: hint)
    }
}
