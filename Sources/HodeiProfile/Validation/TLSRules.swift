import Foundation
import SwiftASN1
import X509

/// TLS consistency and the files themselves: present, parsable, key matching the certificate,
/// not expired, SANs covering the server names.
///
/// A missing file is a warning by default, because `hodei-provision certs` generates the files after
/// the profile is written (prod's certificates are never in the repository); `--check-files` or
/// `tls.check_files: true` make it an error, for the moment before `up`/`apply`. A file that exists
/// but is wrong is always an error.
struct TLSRules {
    let options: ValidationOptions

    func check(_ profile: Profile, into collector: inout IssueCollector) {
        guard let tls = profile.tls, tls.isEnabled else { return }
        if tls.verifyClients && tls.ca == nil {
            collector.error("tls-verify-without-ca", "tls.verify_clients", "verify_clients needs a ca to verify client certificates against",
                            hint: "add tls.ca")
        }
        if (tls.cert == nil) != (tls.key == nil) {
            collector.error("tls-cert-key-pair", tls.cert == nil ? "tls.key" : "tls.cert", "tls.cert and tls.key must be given together",
                            hint: tls.cert == nil ? "add tls.cert" : "add tls.key")
        }
        let checkFiles = options.checkFiles || tls.checkFiles
        if let ca = tls.ca {
            certificate(ca, key: "tls.ca", checkFiles: checkFiles, into: &collector)
        }
        let cert = tls.cert.flatMap { certificate($0, key: "tls.cert", checkFiles: checkFiles, into: &collector) }
        if let keyPath = tls.key, let data = read(keyPath, key: "tls.key", checkFiles: checkFiles, into: &collector) {
            do {
                let key = try Certificate.PrivateKey(pemEncoded: String(decoding: data, as: UTF8.self))
                if let cert, key.publicKey != cert.publicKey {
                    collector.error("tls-key-mismatch", "tls.key", "private key \(keyPath) does not belong to certificate \(tls.cert?.written ?? "")",
                                    hint: "regenerate the pair with `hodei-provision certs`")
                }
            } catch {
                // The key's bytes are secret: report the file, never its content or the parser's excerpt.
                collector.error("tls-unparsable", "tls.key", "\(keyPath) is not a PEM private key",
                                hint: "use a PEM (PKCS#8, SEC1 or RSA) key file")
            }
        }
        if let cert {
            let names = tls.serverNames.isEmpty ? profile.servers.urls.compactMap(EnvironmentRules.host(of:)) : tls.serverNames
            let sans = subjectAlternativeNames(cert)
            for (index, name) in names.enumerated() where !sans.contains(where: { Self.matches(pattern: $0, name: name) }) {
                collector.error("tls-san-missing", tls.serverNames.isEmpty ? "servers.urls[\(index)]" : "tls.server_names[\(index)]",
                                "server name \(name) is not covered by the certificate's SANs (\(sans.isEmpty ? "none" : sans.joined(separator: ", ")))",
                                hint: "reissue the certificate with \(name) as a SAN, or fix the name")
            }
        }
    }

    private func read(_ path: ProfilePath, key: String, checkFiles: Bool, into collector: inout IssueCollector) -> Data? {
        if let data = options.readData(path.resolved) { return data }
        collector.add(checkFiles ? .error : .warning, "tls-file-missing", key,
                      "\(key) file \(path.written) does not exist (yet)",
                      "run `hodei-provision certs` to create it, or fix the path (relative to the profile)")
        return nil
    }

    @discardableResult
    private func certificate(_ path: ProfilePath, key: String, checkFiles: Bool, into collector: inout IssueCollector) -> Certificate? {
        guard let data = read(path, key: key, checkFiles: checkFiles, into: &collector) else { return nil }
        guard let document = try? PEMDocument.parseMultiple(pemString: String(decoding: data, as: UTF8.self)).first,
              let certificate = try? Certificate(pemDocument: document)
        else {
            collector.error("tls-unparsable", key, "\(path.written) is not a PEM certificate", hint: "use a PEM file with a CERTIFICATE block")
            return nil
        }
        let expiry = certificate.notValidAfter
        let formatter = ISO8601DateFormatter()
        if expiry <= options.now {
            collector.error("tls-expired", key, "certificate \(path.written) expired on \(formatter.string(from: expiry))",
                            hint: "renew it with `hodei-provision certs --renew-within 30d`")
        } else if expiry.timeIntervalSince(options.now) < options.expiryWarning {
            let days = Int(expiry.timeIntervalSince(options.now) / 86_400)
            collector.warning("tls-expiring", key, "certificate \(path.written) expires in \(days) days (\(formatter.string(from: expiry)))",
                              hint: "renew it with `hodei-provision certs --renew-within 30d`")
        }
        if certificate.notValidBefore > options.now {
            collector.error("tls-not-yet-valid", key, "certificate \(path.written) is not valid before \(formatter.string(from: certificate.notValidBefore))")
        }
        return certificate
    }

    private func subjectAlternativeNames(_ certificate: Certificate) -> [String] {
        guard let sans = try? certificate.extensions.subjectAlternativeNames else { return [] }
        return sans.compactMap { name in
            switch name {
            case let .dnsName(dns): return dns.lowercased()
            case let .ipAddress(octets): return Self.ipText(Array(octets.bytes))
            default: return nil
            }
        }
    }

    static func ipText(_ bytes: [UInt8]) -> String? {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        guard bytes.count == 16 else { return nil }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// DNS SAN matching with a single leading wildcard label (`*.prod.example`).
    static func matches(pattern: String, name: String) -> Bool {
        let name = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if pattern == name { return true }
        guard pattern.hasPrefix("*."), let dot = name.firstIndex(of: ".") else { return false }
        return name[name.index(after: dot)...] == pattern.dropFirst(2)
    }
}
