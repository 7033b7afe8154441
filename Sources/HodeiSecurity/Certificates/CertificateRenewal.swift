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
        requiredIPAddresses: [String] = [], renewWithin window: TimeInterval, now: Date = Date()
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
        return .keep
    }
}
