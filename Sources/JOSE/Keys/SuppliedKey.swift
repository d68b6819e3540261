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

    public init(key: PublicKey, ids: [String], controller: String?, authorisedForAssertions: Bool? = nil, origin: String) {
        self.key = key
        self.ids = ids
        self.controller = controller
        self.authorisedForAssertions = authorisedForAssertions
        self.origin = origin
    }
}
