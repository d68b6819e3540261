import CredentialModel
import SDJWT

extension DiagnosticCode {
    /// An SD-JWT whose serialisation or disclosures are broken (a part that is no JWS, a disclosure that is
    /// no JSON array, a disclosure in the wrong place or disclosing a claim the object has).
    public static let sdJWTMalformed: Self = "data.sd-jwt-malformed"
    /// An SD-JWT disclosure that no digest of the issuer-signed JWT names: changed, or from another SD-JWT.
    public static let sdJWTUnreferencedDisclosure: Self = "data.sd-jwt-unreferenced-disclosure"
    /// An SD-JWT digest that appears twice, or a disclosure given twice.
    public static let sdJWTDuplicateDigest: Self = "data.sd-jwt-duplicate-digest"
    /// An SD-JWT `_sd_alg` that is unknown, or not the hash its digests were made with.
    public static let sdJWTDigestAlgorithm: Self = "data.sd-jwt-digest-algorithm"
}

extension Diagnostic {
    /// The diagnostic of an SD-JWT failure, with its own code.
    public init(_ error: SDJWTError) {
        let code: DiagnosticCode
        switch error.code {
        case .unreferencedDisclosure: code = .sdJWTUnreferencedDisclosure
        case .duplicateDigest: code = .sdJWTDuplicateDigest
        case .digestAlgorithm: code = .sdJWTDigestAlgorithm
        case .malformed, .malformedDisclosure, .misplacedDisclosure, .claimClash: code = .sdJWTMalformed
        }
        self.init(code, "SD-JWT: " + error.message, at: .position(line: 1, column: 1))
    }
}
