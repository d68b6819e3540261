import CredconvJSON

/// Evidence supporting the award.
public struct Evidence: Sendable, Equatable, Codable {
    public var id: String?
    /// Type IRIs beyond `Evidence` (e.g. `https://w3id.org/openbadges#Assertion` for a migrated badge).
    public var types: [String] = []
    public var name: LocalizedString?
    public var description: LocalizedString?
    public var narrative: LocalizedString?
    public var genre: String?
    public var audience: String?
    public var extensions = ExtensionBag()

    public init(id: String? = nil) { self.id = id }
}

/// An endorsement: a third party's statement about the credential, achievement or organisation.
///
/// In Open Badges 3.0 an endorsement is a separate, separately signed EndorsementCredential. The
/// model keeps its main fields and, when the source embedded it, the document unchanged
/// (``document``), so a writer of the same family can pass it on with its own proof intact.
public struct Endorsement: Sendable, Equatable, Codable {
    public var id: String?
    public var name: LocalizedString?
    public var issuer: Organization?
    public var validFrom: String?
    public var validUntil: String?
    /// What is endorsed (the subject id).
    public var subjectId: String?
    public var comment: LocalizedString?
    /// The embedded EndorsementCredential as the source held it.
    public var document: JSONValue?
    /// An endorsement given as a compact JWT (Open Badges `endorsementJwt`).
    public var jwt: String?
    /// Where the endorsement was in the source, for the loss report.
    public var sourcePath: String?

    public init() {}
}

/// A reference to a service or policy: credential status, refresh service, schema, terms of use.
public struct ServiceReference: Sendable, Equatable, Codable {
    public var id: String?
    public var type: String
    /// Further properties as the source held them.
    public var properties: JSONObject?

    public init(id: String?, type: String, properties: JSONObject? = nil) {
        self.id = id
        self.type = type
        self.properties = properties
    }

    public func encode(to encoder: any Encoder) throws {
        var o = JSONObject()
        o.set("id", ifPresent: id.map(JSONValue.string))
        o.set("type", .string(type))
        for m in properties ?? JSONObject() where m.key != "id" && m.key != "type" { o.set(m.key, m.value) }
        var c = encoder.singleValueContainer()
        try c.encode(JSONValue.object(o))
    }
}
