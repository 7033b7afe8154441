/// Group names become JetStream durable consumer names, so they follow those rules:
/// 1-64 characters, letters, digits, `-` and `_` (no `.`, `*`, `>`, whitespace).
enum GroupName {
    static func validate(_ name: String) throws(EventBusError) {
        if name.isEmpty { throw EventBusError.invalidGroup(name, reason: "is empty") }
        if name.count > 64 { throw EventBusError.invalidGroup(name, reason: "is longer than 64 characters") }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
            throw EventBusError.invalidGroup(name, reason: "contains '\(bad)'")
        }
    }
}
