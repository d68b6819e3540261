import DataIntegrity
import JOSE
import JSONLD

/// How to sign an output: the key, the id verifiers will look it up by, the algorithm and the form.
public struct SigningRequest: Sendable {
    /// The signed forms credconv writes.
    public enum Form: String, Sendable, CaseIterable {
        /// Open Badges 3.0 VC-JWT (OB 3.0 §8.2): header `alg`, `kid`, `typ: JWT`; the credential in the
        /// `vc` claim, with `iss`, `jti`, `sub`, `nbf`, `exp` taken from it.
        case ob3JWT = "ob3-jwt"
        /// VC-JOSE-COSE: header `typ: vc+jwt`, `cty: vc`; the payload is the credential.
        case vcJWT = "vc-jwt"
        /// An Open Badges 2.0 signed assertion: the assertion, with `verification` naming the key, as a JWS.
        case ob2 = "ob2"
        /// Open Badges 3.0 JSON with an embedded Data Integrity proof (``suite``).
        case ob3 = "ob3"
        /// The EUDI Wallet's Learning Credential: an SD-JWT VC whose issuer JWT (`typ: dc+sd-jwt`) is
        /// signed with ES256 (the wallet's profile), ES384 or EdDSA.
        case learningCredential = "eudi-lc"
    }

    public var key: SigningKey
    /// The key id (`kid`; for OB 2.0 the URL of the CryptographicKey). Default: the key's did:key
    /// verification method for Ed25519 and the NIST curves; for RSA the public key goes in the header.
    public var keyId: String?
    /// Default: the key type's (EdDSA, ES256, ES384, ES512, RS256).
    public var algorithm: JWSAlgorithm?
    public var form: Form
    /// The cryptosuite of an embedded Data Integrity proof. For ``Form/ob3`` the default is
    /// eddsa-rdfc-2022 for Ed25519 and ecdsa-rdfc-2019 for P-256/P-384; for ``Form/ob3JWT`` and
    /// ``Form/vcJWT`` a suite embeds a proof before the JWT is made over the credential.
    public var suite: Cryptosuite?
    /// The proof's `created` date-time (the CLI gives the current time).
    public var created: String?
    /// The JSON-LD processor RDFC proofs are made with (embedded contexts, `--context` files).
    public var jsonld: JSONLDProcessor
    /// The signing key's X.509 certificate chain, leaf first (DER): written as the JWS header's `x5c`
    /// (Learning Credentials; the EUDI issuer names its key so).
    public var certificateChain: [[UInt8]] = []

    public init(
        key: SigningKey, keyId: String? = nil, algorithm: JWSAlgorithm? = nil, form: Form, suite: Cryptosuite? = nil,
        created: String? = nil, jsonld: JSONLDProcessor = JSONLDProcessor()
    ) {
        self.key = key
        self.keyId = keyId
        self.algorithm = algorithm
        self.form = form
        self.suite = suite
        self.created = created
        self.jsonld = jsonld
    }
}
