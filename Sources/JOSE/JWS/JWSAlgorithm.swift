/// The JWS signature algorithms credconv signs and verifies with (RFC 7518, RFC 8037, RFC 9864).
///
/// `none`, every HMAC (`HS256`…) and anything unknown are refused before a key is looked at; an
/// algorithm must also fit the key's type (``check(fits:)``), so no key is used with an algorithm
/// chosen by whoever wrote the header.
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    case edDSA = "EdDSA"
    case ed25519 = "Ed25519"
    case es256 = "ES256"
    case es384 = "ES384"
    case es512 = "ES512"
    case rs256 = "RS256"
    case rs384 = "RS384"
    case rs512 = "RS512"
    case ps256 = "PS256"
    case ps384 = "PS384"
    case ps512 = "PS512"

    /// The algorithm a header names, or why it is refused.
    public static func allowed(_ name: String?) throws(JOSEError) -> JWSAlgorithm {
        guard let name else { throw JOSEError(.algorithmRefused, "the JWS header has no alg") }
        if let algorithm = JWSAlgorithm(rawValue: name) { return algorithm }
        if name.lowercased() == "none" {
            throw JOSEError(.algorithmRefused, "alg \(name): an unsecured JWT carries no signature")
        }
        if name.uppercased().hasPrefix("HS") {
            throw JOSEError(.algorithmRefused, "alg \(name): an HMAC is a shared secret, not an issuer's signature (refused: a public key used as an HMAC secret is the classic algorithm-confusion attack)")
        }
        throw JOSEError(.algorithmRefused, "alg \(name) is not one credconv accepts (\(allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    /// The key type this algorithm signs with.
    public var keyType: KeyType {
        switch self {
        case .edDSA, .ed25519: return .ed25519
        case .es256: return .p256
        case .es384: return .p384
        case .es512: return .p521
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: return .rsa
        }
    }

    /// RSASSA-PSS?
    public var isPSS: Bool { self == .ps256 || self == .ps384 || self == .ps512 }

    /// Refuses a key this algorithm does not sign with, and RSA keys under 2048 bits.
    public func check(fits key: PublicKey) throws(JOSEError) {
        guard key.type == keyType else {
            throw JOSEError(.algorithmRefused, "alg \(rawValue) does not fit the \(key.typeDescription) key (it needs \(keyType == .ed25519 || keyType == .rsa ? "an" : "a") \(keyType) key)")
        }
        if key.type == .rsa, key.bits < 2048 {
            throw JOSEError(.weakKey, "an RSA key of \(key.bits) bits: credconv refuses RSA keys under 2048 bits")
        }
    }
}
