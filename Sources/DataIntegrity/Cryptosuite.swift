import Crypto
import JOSE

/// The Data Integrity cryptosuites credconv knows, and which of them it verifies and signs.
public enum Cryptosuite: String, Sendable, CaseIterable {
    /// EdDSA over JCS (RFC 8785) canonical JSON (vc-di-eddsa §3.3).
    case eddsaJCS2022 = "eddsa-jcs-2022"
    /// ECDSA (P-256, P-384) over JCS canonical JSON (vc-di-ecdsa §3.3).
    case ecdsaJCS2019 = "ecdsa-jcs-2019"
    /// EdDSA over RDFC-1.0 canonical N-Quads: needs JSON-LD to RDF, which credconv does not have yet.
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    /// ECDSA over RDFC-1.0 canonical N-Quads: needs JSON-LD to RDF.
    case ecdsaRDFC2019 = "ecdsa-rdfc-2019"
    /// ECDSA selective disclosure: needs JSON-LD to RDF.
    case ecdsaSD2023 = "ecdsa-sd-2023"

    /// Whether credconv verifies and signs this suite.
    public var isSupported: Bool { self == .eddsaJCS2022 || self == .ecdsaJCS2019 }

    /// The key types the suite signs with.
    public var keyTypes: [KeyType] {
        switch self {
        case .eddsaJCS2022, .eddsaRDFC2022: return [.ed25519]
        case .ecdsaJCS2019, .ecdsaRDFC2019, .ecdsaSD2023: return [.p256, .p384]
        }
    }

    /// The hash of canonical bytes for a key: SHA-384 for P-384, SHA-256 otherwise.
    func hash(_ bytes: [UInt8], for key: KeyType) -> [UInt8] {
        key == .p384 ? Array(SHA384.hash(data: bytes)) : Array(SHA256.hash(data: bytes))
    }
}
