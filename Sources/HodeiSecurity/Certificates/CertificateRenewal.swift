import Foundation

/// Decides whether an existing certificate can be kept: valid certificates are kept, those
/// expiring within the renewal window, not matching their key, not signed by the current CA or
/// missing a required name are re-issued.
public enum CertificateRenewal {
    public enum Decision: Sendable, Equatable {
        case keep
        case issue(reason: String)
    }

    public static func decide(
        existing: IssuedCertificate?, authority: CertificateAuthority, requiredDNSNames: [String] = [],
        requiredIPAddresses: [String] = [], requiredUsages: Usages = [], renewWithin window: TimeInterval, now: Date = Date()
    ) -> Decision {
        guard let existing else { return .issue(reason: "no certificate yet") }
        let info = existing.info
        if !info.isValid(at: now) { return .issue(reason: "expired or not yet valid (notAfter \(info.notAfter))") }
        if info.isExpiring(within: window, now: now) { return .issue(reason: "expires \(info.notAfter), within the renewal window") }
        if !authority.signed(existing.certificate) { return .issue(reason: "not signed by the current CA") }
        let missingNames = Set(requiredDNSNames).subtracting(info.dnsNames)
        let wantedIPs = Set(requiredIPAddresses.compactMap(IPAddressText.parse).map(IPAddressText.format))
        let missingIPs = wantedIPs.subtracting(info.ipAddresses)
        if !missingNames.isEmpty || !missingIPs.isEmpty {
            return .issue(reason: "missing SANs: \((missingNames.sorted() + missingIPs.sorted()).joined(separator: ", "))")
        }
        let missingUsages = [(Usages.serverAuth, "serverAuth", info.serverAuth), (Usages.clientAuth, "clientAuth", info.clientAuth)]
            .filter { requiredUsages.contains($0.0) && !$0.2 }.map(\.1)
        if !missingUsages.isEmpty {
            return .issue(reason: "lacks extended key usage \(missingUsages.joined(separator: ", "))")
        }
        return .keep
    }

    /// Extended key usages a certificate must carry to be kept.
    public struct Usages: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let serverAuth = Usages(rawValue: 1)
        public static let clientAuth = Usages(rawValue: 2)
    }
}
