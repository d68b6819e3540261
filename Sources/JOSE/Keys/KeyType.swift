/// The kinds of signature keys credconv verifies and signs with.
public enum KeyType: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case ed25519
    case p256
    case p384
    case p521
    case rsa

    /// The name people know (`Ed25519`, `P-256`, `RSA`).
    public var description: String {
        switch self {
        case .ed25519: return "Ed25519"
        case .p256: return "P-256"
        case .p384: return "P-384"
        case .p521: return "P-521"
        case .rsa: return "RSA"
        }
    }

    /// The multicodec of the public key (did:key, Multikey); nil for RSA, which credconv does not put in did:key.
    public var publicKeyMulticodec: UInt64? {
        switch self {
        case .ed25519: return 0xED
        case .p256: return 0x1200
        case .p384: return 0x1201
        case .p521: return 0x1202
        case .rsa: return nil
        }
    }

    /// The key type of a public-key multicodec.
    public init?(publicKeyMulticodec code: UInt64) {
        guard let type = Self.allCases.first(where: { $0.publicKeyMulticodec == code }) else { return nil }
        self = type
    }

    /// The signature algorithm a key of this type signs with unless told otherwise.
    public var defaultAlgorithm: JWSAlgorithm {
        switch self {
        case .ed25519: return .edDSA
        case .p256: return .es256
        case .p384: return .es384
        case .p521: return .es512
        case .rsa: return .rs256
        }
    }
}
