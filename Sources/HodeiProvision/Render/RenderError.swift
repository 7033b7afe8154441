/// A render failure: where (node, file or `tenant/user`), what, and the fix. The same shape as a
/// credential failure, so one type serves both.
public typealias RenderError = CredentialError
