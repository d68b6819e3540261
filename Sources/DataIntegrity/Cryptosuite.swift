import Crypto
import JOSE

/// The Data Integrity cryptosuites credconv knows, and which of them it verifies and signs.
public enum Cryptosuite: String, Sendable, CaseIterable {
    /// EdDSA over JCS (RFC 8785) canonical JSON (vc-di-eddsa §3.3).
    case eddsaJCS2022 = "eddsa-jcs-2022"
    /// ECDSA (P-256, P-384) over JCS canonical JSON (vc-di-ecdsa §3.3).
    case ecdsaJCS2019 = "ecdsa-jcs-2019"
    /// EdDSA over RDFC-1.0 canonical N-Quads (vc-di-eddsa §3.1).
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    /// ECDSA over RDFC-1.0 canonical N-Quads (vc-di-ecdsa §3.2).
    case ecdsaRDFC2019 = "ecdsa-rdfc-2019"
    /// ECDSA selective disclosure: base and derived proofs (not verified by credconv).
    case ecdsaSD2023 = "ecdsa-sd-2023"
    /// The draft name of `eddsa-rdfc-2022` (2022–2023), still in some issued credentials: the same
    /// algorithm, verified only.
    case eddsa2022Draft = "eddsa-2022"
    /// The legacy `Ed25519Signature2020` proof type (named by `type`, not `cryptosuite`): EdDSA over
    /// RDFC-1.0 (URDNA2015) N-Quads, verified only.
    case ed25519Signature2020 = "Ed25519Signature2020"

    /// The suite of a proof: its `cryptosuite` for a `DataIntegrityProof`, or the legacy proof type.
    public static func of(_ proof: DataIntegrityProof) -> Cryptosuite? {
        switch proof.type {
        case "DataIntegrityProof": return proof.cryptosuite.flatMap(Cryptosuite.init(rawValue:))
        case "Ed25519Signature2020": return .ed25519Signature2020
        default: return nil
        }
    }

    /// Whether credconv verifies this suite.
    public var isSupported: Bool { self != .ecdsaSD2023 }

    /// Whether credconv signs with this suite (not the legacy type, not selective disclosure).
    public var canSign: Bool { isSupported && self != .ed25519Signature2020 && self != .eddsa2022Draft }

    /// Whether the suite canonicalizes with JCS (else with JSON-LD and RDFC-1.0).
    public var usesJCS: Bool { self == .eddsaJCS2022 || self == .ecdsaJCS2019 }

    /// The key types the suite signs with.
    public var keyTypes: [KeyType] {
        switch self {
        case .eddsaJCS2022, .eddsaRDFC2022, .eddsa2022Draft, .ed25519Signature2020: return [.ed25519]
        case .ecdsaJCS2019, .ecdsaRDFC2019, .ecdsaSD2023: return [.p256, .p384]
        }
    }

    /// The hash of canonical bytes for a key: SHA-384 for P-384, SHA-256 otherwise.
    func hash(_ bytes: [UInt8], for key: KeyType) -> [UInt8] {
        key == .p384 ? Array(SHA384.hash(data: bytes)) : Array(SHA256.hash(data: bytes))
    }
}
