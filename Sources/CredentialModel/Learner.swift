/// The person the credential was awarded to.
public struct Learner: Sendable, Equatable, Codable {
    /// A DID, URL or `mailto:` IRI for the learner.
    public var id: String?
    public var fullName: LocalizedString?
    public var givenName: LocalizedString?
    public var familyName: LocalizedString?
    /// Identities, plain or hashed (Open Badges `IdentityObject`).
    public var identities: [IdentityHash] = []
    /// Other identifiers (national id, student number …).
    public var identifiers: [Identifier] = []
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String?
    public var email: String?
    /// Place of birth (a country or region code; Europass `placeOfBirth/spatialCode`).
    public var placeOfBirth: Concept?
    /// Gender (EU authority `human-sex` code).
    public var gender: Concept?
    /// Citizenship countries (EU authority country codes).
    public var citizenship: [Concept] = []
    public var extensions = ExtensionBag()

    public init(id: String? = nil) { self.id = id }
}

/// An identity of the learner that may be hashed: Open Badges' IdentityObject.
///
/// A hashed identity is `alg$hexdigest` of the identifier with the salt appended; credconv carries it
/// unchanged (it cannot and does not try to recover the identifier).
public struct IdentityHash: Sendable, Equatable, Codable {
    /// The identity (plain) or `sha256$…` / `md5$…` (hashed).
    public var identityHash: String
    /// What kind of identity: `emailAddress`, `url`, `telephone`, `sourcedId`, … (Open Badges 3.0 terms).
    public var identityType: String
    public var hashed: Bool
    public var salt: String?

    public init(identityHash: String, identityType: String, hashed: Bool, salt: String? = nil) {
        self.identityHash = identityHash
        self.identityType = identityType
        self.hashed = hashed
        self.salt = salt
    }
}
