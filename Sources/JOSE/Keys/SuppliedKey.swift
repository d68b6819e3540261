import CredconvJSON

/// A public key given to credconv in a file, with the ids it is known by and the party it belongs to.
public struct SuppliedKey: Sendable {
    /// The key.
    public var key: PublicKey
    /// The absolute ids it goes by: a verification method id, a CryptographicKey id, a JWK `kid`.
    public var ids: [String]
    /// The party the document binds it to: a DID document's id or the method's `controller`, an OB 2.0
    /// key's `owner`, the id of the profile that lists it. Nil for a bare key (PEM, JWK).
    public var controller: String?
    /// Whether the DID document lists it for `assertionMethod` (issuing credentials); nil when the
    /// document names no proof purposes.
    public var authorisedForAssertions: Bool?
    /// Where it came from, for people: `keys/issuer.json (DID document did:web:example.com)`.
    public var origin: String
    /// What a JWK says the key is for (`alg`, `use`, `key_ops`): a key limited to one algorithm, or to
    /// encryption, is not used otherwise.
    public var restriction: KeyRestriction?

    public init(key: PublicKey, ids: [String], controller: String?, authorisedForAssertions: Bool? = nil, origin: String, restriction: KeyRestriction? = nil) {
        self.key = key
        self.ids = ids
        self.controller = controller
        self.authorisedForAssertions = authorisedForAssertions
        self.origin = origin
        self.restriction = restriction
    }
}

/// The limits a JWK puts on its own use (RFC 7517 §4.2–4.4).
public struct KeyRestriction: Sendable, Equatable {
    /// `alg`: the one algorithm the key is for.
    public var algorithm: String?
    /// `use`: `sig` or `enc`.
    public var use: String?
    /// `key_ops`: `verify`, `sign`, `encrypt`, …
    public var operations: [String]?

    /// The limits a JWK states; nil when it states none.
    public init?(jwk: JSONObject) {
        algorithm = jwk["alg"]?.stringValue
        use = jwk["use"]?.stringValue
        operations = jwk["key_ops"]?.arrayValue?.compactMap(\.stringValue)
        if algorithm == nil && use == nil && operations == nil { return nil }
    }

    /// Why the key may not verify a signature made with `algorithm`; nil when it may.
    public func refusal(for algorithm: String) -> String? {
        if let own = self.algorithm, own != algorithm { return "the key is for \(own) only (its JWK alg), the JWS says \(algorithm)" }
        if let use, use != "sig" { return "the key is for \(use == "enc" ? "encryption" : use) (its JWK use), not signatures" }
        if let operations, !operations.contains("verify") { return "the key's JWK key_ops (\(operations.joined(separator: ", "))) do not include verify" }
        return nil
    }
}
