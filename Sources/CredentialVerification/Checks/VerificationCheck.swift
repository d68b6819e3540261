/// One step of a verification, with a stable code, its outcome and what it found.
public struct VerificationCheck: Sendable, Equatable {
    /// The stable codes of the steps, in the order they run.
    public enum Code: String, Sendable, CaseIterable {
        /// The input carries a proof credconv can check (a JWS).
        case proofPresent = "verify.proof-present"
        /// The JWS is well formed: three strict base64url parts, a JSON header, no unknown critical parameter.
        case wellFormed = "verify.well-formed"
        /// The algorithm is allowed (no `none`, no HMAC) and fits the key (type, RSA ≥ 2048 bits).
        case algorithmAllowed = "verify.algorithm-allowed"
        /// The key was found: in the header, decoded from a did:key or did:jwk, or in a `--key` file.
        case keyResolved = "verify.key-resolved"
        /// The signature verifies with that key.
        case signature = "verify.signature"
        /// The key belongs to the credential's issuer.
        case keyBound = "verify.key-bound"
        /// The JWT claims agree with the credential (`iss`, `sub`, `jti`, `nbf`, `exp`).
        case claimsConsistent = "verify.claims-consistent"
        /// SD-JWT: every disclosure is named by exactly one digest of the issuer-signed JWT.
        case disclosures = "verify.disclosures"
        /// SD-JWT: `_sd_alg` is a known hash, and the one the digests were made with.
        case digestAlgorithm = "verify.digest-algorithm"
        /// SD-JWT VC: the claims its type makes mandatory are disclosed.
        case mandatoryClaims = "verify.mandatory-claims"
        /// SD-JWT: the key-binding JWT is the holder's (`cnf`) and binds this presentation, audience and nonce.
        case keyBinding = "verify.key-binding"
        /// The credential is in date at the time of verification.
        case inDate = "verify.in-date"
        /// The credential's status (revocation, suspension) against a list given with `--status`.
        case status = "verify.status"
    }

    public var code: Code
    public var ok: Bool
    /// What was found, for people.
    public var detail: String

    public init(_ code: Code, ok: Bool, _ detail: String) {
        self.code = code
        self.ok = ok
        self.detail = detail
    }

    /// A passed check.
    public static func pass(_ code: Code, _ detail: String) -> VerificationCheck { VerificationCheck(code, ok: true, detail) }
    /// A failed check.
    public static func fail(_ code: Code, _ detail: String) -> VerificationCheck { VerificationCheck(code, ok: false, detail) }
}
