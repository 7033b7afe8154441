import Foundation

/// Masks secrets in text bound for logs or a terminal: nkey seeds, PEM private key blocks and
/// JWT-shaped tokens. A filter of last resort; code should never format secrets in the first place.
public enum Redaction {
    public static let seedMask = "S?<redacted-nkey-seed>"
    public static let privateKeyMask = "<redacted-private-key>"
    public static let jwtMask = "<redacted-jwt>"

    private static let patterns: [(NSRegularExpression, String)] = {
        let table: [(String, String)] = [
            // PEM: "-----BEGIN [EC |RSA |ENCRYPTED ]PRIVATE KEY-----" … END, across lines.
            (#"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"#, privateKeyMask),
            // A BEGIN without its END (truncated output) still hides what follows.
            (#"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*"#, privateKeyMask),
            (#"S[OAUNCX][A-Z2-7]{56}"#, seedMask),
            // header.payload.signature, each base64url; NATS headers start with eyJ ('{"').
            (#"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"#, jwtMask),
        ]
        return table.map { pattern, mask in
            // The patterns are literals checked by the tests; a failure here is a programming error.
            (try! NSRegularExpression(pattern: pattern), NSRegularExpression.escapedTemplate(for: mask))
        }
    }()

    /// `text` with every seed, private key block and JWT replaced by a marker.
    public static func redact(_ text: String) -> String {
        var result = text
        for (regex, template) in patterns {
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }

    /// True when `text` holds something `redact` would mask.
    public static func containsSecret(_ text: String) -> Bool {
        patterns.contains { regex, _ in
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}
