/// Where a credential came from and what credconv could (and could not) establish about it.
public struct Provenance: Sendable, Equatable, Codable {
    /// The format name it was read from (`ob3`, `ob3-jwt`, …).
    public var sourceFormat: String
    /// Version details (`VCDM 2.0, OB context 3.0.3`).
    public var sourceVersion: String?
    /// The id the source document had.
    public var originalId: String?
    /// The signature the source carried, if any.
    public var signature: SignatureInfo?

    public init(sourceFormat: String, sourceVersion: String? = nil, originalId: String? = nil, signature: SignatureInfo? = nil) {
        self.sourceFormat = sourceFormat
        self.sourceVersion = sourceVersion
        self.originalId = originalId
        self.signature = signature
    }
}

/// A signature or seal seen on the input.
///
/// Converted output is always unsigned derived data. ``verified`` is true only when credconv's
/// verifier checked the proof (`credconv verify`, `convert --verify`); ``verification`` then says with
/// which key, from where and when. A model document read back never keeps either.
public struct SignatureInfo: Sendable, Equatable, Codable {
    /// The mechanism.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// An embedded Data Integrity / Linked Data proof.
        case embeddedProof
        /// A VC-JWT or JWS compact serialisation.
        case jws
        /// An XAdES enveloped signature (Europass XML seal).
        case xades
        /// A JAdES JSON envelope (Europass EDC seal).
        case jades
    }

    public var kind: Kind
    /// Algorithm or suite details (`DataIntegrityProof eddsa-rdfc-2022`, `RS256`).
    public var detail: String?
    /// The key or certificate reference given (`verificationMethod`, `kid`).
    public var keyReference: String?
    /// Whether credconv verified it.
    public var verified: Bool
    /// How it was verified: `verified by credconv 0.x with key K (Ed25519, from the did:key itself) at T`.
    public var verification: String?

    public init(kind: Kind, detail: String? = nil, keyReference: String? = nil, verified: Bool = false, verification: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.keyReference = keyReference
        self.verified = verified
        self.verification = verification
    }

    /// A plain-words statement for reports and certificates.
    public var statement: String {
        let what: String
        switch kind {
        case .embeddedProof: what = "signed with an embedded proof"
        case .jws: what = "signed as a JWS/JWT"
        case .xades: what = "sealed with an XAdES signature"
        case .jades: what = "sealed with a JAdES signature"
        }
        let details = [detail, keyReference.map { "key \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return what + (details.isEmpty ? "" : " (\(details))") + (verified ? ", " + (verification ?? "verified by credconv") : ", not verified by credconv")
    }
}
