/// The role an nkey plays; its prefix byte makes the first character of the public key text.
public enum NKeyType: String, Sendable, CaseIterable, CustomStringConvertible {
    case operator_ = "operator"
    case account
    case user
    case server
    case cluster

    /// Prefix byte from nats-io/nkeys: the top five bits select the leading base32 letter.
    public var prefixByte: UInt8 {
        switch self {
        case .operator_: return 14 << 3  // 'O'
        case .account: return 0  // 'A'
        case .user: return 20 << 3  // 'U'
        case .server: return 13 << 3  // 'N'
        case .cluster: return 2 << 3  // 'C'
        }
    }

    /// The letter public keys of this type start with (and the second letter of its seeds).
    public var letter: Character {
        switch self {
        case .operator_: return "O"
        case .account: return "A"
        case .user: return "U"
        case .server: return "N"
        case .cluster: return "C"
        }
    }

    public init?(prefixByte: UInt8) {
        guard let match = Self.allCases.first(where: { $0.prefixByte == prefixByte }) else { return nil }
        self = match
    }

    public var description: String { rawValue }

    /// Seed marker byte ('S'), shared by all seed texts.
    static let seedPrefixByte: UInt8 = 18 << 3
}
