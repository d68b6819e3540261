import CredentialModel
import CredentialVerification

extension DiagnosticCode {
    /// Not verified: the input carries no proof credconv checks (no JWS).
    public static let verifyProofPresent: Self = "verify.proof-present"
    /// Not verified: the JWS is malformed (a part not strict base64url, a header that is not JSON, an unknown `crit`).
    public static let verifyWellFormed: Self = "verify.well-formed"
    /// Not verified: the algorithm is refused (`none`, HMAC, unknown) or does not fit the key (type, RSA under 2048 bits).
    public static let verifyAlgorithmAllowed: Self = "verify.algorithm-allowed"
    /// Not verified: the key is not found (not in the header, no did:key/did:jwk, not given with `--key`).
    public static let verifyKeyResolved: Self = "verify.key-resolved"
    /// Not verified: the signature does not verify with the key.
    public static let verifySignature: Self = "verify.signature"
    /// Not verified: nothing ties the key to the credential's issuer.
    public static let verifyKeyBound: Self = "verify.key-bound"
    /// Not verified: the JWT claims disagree with the credential (`iss`, `sub`, `jti`, `nbf`, `exp`, `typ`).
    public static let verifyClaimsConsistent: Self = "verify.claims-consistent"
    /// Not verified: an SD-JWT disclosure that no digest names, a digest named twice, or a broken disclosure.
    public static let verifyDisclosures: Self = "verify.disclosures"
    /// Not verified: the SD-JWT's `_sd_alg` is unknown, or not the hash of its digests.
    public static let verifyDigestAlgorithm: Self = "verify.digest-algorithm"
    /// Not verified: a claim the SD-JWT VC's type makes mandatory is not disclosed.
    public static let verifyMandatoryClaims: Self = "verify.mandatory-claims"
    /// Not verified: the key-binding JWT is missing, not the holder's, or binds another presentation, audience or nonce.
    public static let verifyKeyBinding: Self = "verify.key-binding"
    /// Not verified: not valid at the time of verification (expired, not yet valid).
    public static let verifyInDate: Self = "verify.in-date"
    /// Not verified: revoked or suspended according to a status list given with `--status`.
    public static let verifyStatus: Self = "verify.status"
    /// A key file (`--key`, `--sign-key`) that holds no usable key.
    public static let invalidKey: Self = "data.invalid-key"
    /// A status list file (`--status`) that cannot be used.
    public static let invalidStatusList: Self = "data.invalid-status-list"
    /// A private key file that others may read.
    public static let keyFileExposed: Self = "warning.key-file-exposed"
    /// The output is signed by credconv with the given key (a new signature, not the input's).
    public static let signedOutput: Self = "warning.signed-output"
    /// A signed output whose key credconv cannot tie to the issuer it names.
    public static let keyNotBound: Self = "warning.key-not-bound"
}

extension VerificationCheck.Code {
    /// The diagnostic code of a failure of this check (same text).
    var diagnosticCode: DiagnosticCode { DiagnosticCode(rawValue: rawValue) }
}
