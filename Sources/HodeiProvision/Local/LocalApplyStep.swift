import HodeiProfile

/// The JetStream part of `up`: bring the running servers' streams and consumers to the profile.
/// A protocol so that `up` does not care how apply connects (and tests can see what `up` passes).
public protocol LocalApplyStep: Sendable {
    /// Applies `profile` through `urls`, connecting with the identities in `credentials`; returns
    /// summary lines for people. Never destructive: what would lose data is refused, not done.
    func apply(profile: Profile, urls: [String], credentials: CredentialSet) async throws -> [String]
}
