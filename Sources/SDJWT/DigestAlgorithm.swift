import Crypto
import CredconvJSON

/// The hash of disclosure digests (`_sd_alg`, IANA "Named Information Hash Algorithm" names).
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    case sha256 = "sha-256"
    case sha384 = "sha-384"
    case sha512 = "sha-512"

    /// The algorithm of an SD-JWT payload: its top-level `_sd_alg`, or SHA-256 when there is none.
    public static func named(_ name: String?) throws(SDJWTError) -> DigestAlgorithm {
        guard let name else { return .sha256 }
        guard let algorithm = DigestAlgorithm(rawValue: name) else {
            throw SDJWTError(.digestAlgorithm, "_sd_alg \(name) is no hash credconv knows (it knows \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return algorithm
    }

    /// The hash of `bytes`.
    public func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha384: return Array(SHA384.hash(data: bytes))
        case .sha512: return Array(SHA512.hash(data: bytes))
        }
    }

    /// The digest of a disclosure or presentation as SD-JWT writes it: base64url of the hash of the ASCII text.
    public func digest(of text: String) -> String { Base64URL.encode(hash(Array(text.utf8))) }
}
