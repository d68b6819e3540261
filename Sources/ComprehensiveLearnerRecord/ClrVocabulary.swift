import FormatInterface

/// The names CLR 2.0 documents use.
enum ClrVocabulary {
    static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"
    /// The CLR 2.0 context credconv writes (2.0.1 adds the `partial` term).
    static let context = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
    /// Every published CLR 2.0 context.
    static let contexts: Set<String> = [context, "https://purl.imsglobal.org/spec/clr/v2p0/context.json"]
    /// The Open Badges 3.0 context whose terms the CLR's Profile and Achievement use.
    static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// The official JSON Schema of a ClrCredential.
    static let schema = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"
    static let schemaType = "1EdTechJsonSchemaValidator2019"
    /// The format whose Profile, Achievement and credential mapping a CLR shares.
    static let openBadges: FormatName = "ob3"
    /// The extension family of members kept from a CLR.
    static let family = "clr"
}
