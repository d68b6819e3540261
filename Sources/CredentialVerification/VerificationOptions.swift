import CredconvJSON
import JOSE
import JSONLD

/// What a verification may use: keys, status lists and linked documents from local files, and the time
/// to check validity at. Nothing is fetched.
public struct VerificationOptions: Sendable {
    /// Keys given with `--key`.
    public var keys: [SuppliedKey]
    /// Status lists given with `--status`.
    public var statusLists: [StatusListDocument]
    /// The time the credential must be valid at, in Unix seconds.
    public var at: Int64
    /// Documents the credential refers to by id (an OB 2.0 badge class and issuer profile, `--with`).
    public var linkedDocuments: [JSONValue]
    /// Limits for the JSON inside the JWS.
    public var jsonLimits: JSONLimits
    /// The JSON-LD processor RDFC proofs are checked with: the embedded contexts, plus `--context` files.
    public var jsonld: JSONLDProcessor
    /// Trust anchors for `x5c` certificate chains (DER certificates, `--trust`).
    public var trustAnchors: [[UInt8]] = []
    /// The audience a key-binding JWT must name (`--audience`).
    public var audience: String?
    /// The nonce a key-binding JWT must carry (`--nonce`).
    public var nonce: String?
    /// How long a key-binding JWT's `iat` may lie before the time of verification, in seconds.
    public var keyBindingMaxAge: Int64 = 300
    /// The claims an SD-JWT VC of a type (`vct`) must disclose: the formats that know the type fill it in.
    public var mandatoryClaims: [String: [String]] = [:]

    public init(
        keys: [SuppliedKey] = [], statusLists: [StatusListDocument] = [], at: Int64, linkedDocuments: [JSONValue] = [],
        jsonLimits: JSONLimits = .default, jsonld: JSONLDProcessor = JSONLDProcessor()
    ) {
        self.keys = keys
        self.statusLists = statusLists
        self.at = at
        self.linkedDocuments = linkedDocuments
        self.jsonLimits = jsonLimits
        self.jsonld = jsonld
    }
}
