import CredconvJSON
import FormatInterface
import JSONMapping

extension FormatName {
    /// Open Badges 3.0 JSON-LD.
    public static let ob3: FormatName = "ob3"
    /// Open Badges 3.0 VC-JWT.
    public static let ob3JWT: FormatName = "ob3-jwt"
    /// Open Badges 2.0 (and 1.x) assertions.
    public static let ob2: FormatName = "ob2"
}

/// How Open Badges documents are told apart from others.
enum OpenBadgesRecognition {
    static let credentialTypes: Set<String> = ["OpenBadgeCredential", "AchievementCredential", "EndorsementCredential"]

    /// True for an OB 2.0 or 1.x document: its context, an Assertion or BadgeClass type, or a recipient with a badge.
    static func looksLikeOB2(_ value: JSONValue) -> Bool {
        guard case .object(let o) = value else { return false }
        let contexts = o["@context"].map(JSONValue.strings) ?? []
        if contexts.contains(where: { $0.hasPrefix("https://w3id.org/openbadges/v") || $0.hasPrefix("http://w3id.org/openbadges/v") }) {
            return true
        }
        let types = o["type"].map(JSONValue.strings) ?? []
        if types.contains("Assertion") || types.contains("BadgeClass") { return true }
        return o["recipient"] != nil && o["badge"] != nil
    }

    /// True for an OB 1.1 context.
    /// The Open Badges version of an assertion before 2.0 by its shape: `0.5` (no `@context`, an issuer
    /// known by its `origin`, `issued_on` or a 0.x badge version), `1.0` (no `@context`), `1.1` (the v1
    /// context); nil for 2.0.
    static func legacyVersion(_ value: JSONValue) -> String? {
        guard case .object(let o) = value else { return nil }
        if isLegacyContext(value) { return "1.1" }
        guard o["@context"] == nil else { return nil }
        if case .object(let badge)? = o["badge"], case .object(let issuer)? = badge["issuer"], issuer["origin"] != nil,
            (badge["version"]?.stringValue ?? "").hasPrefix("0.") || o["issued_on"] != nil || o["issuedOn"] == nil
        {
            return "0.5"
        }
        return o["recipient"] != nil ? "1.0" : nil
    }

    static func isLegacyContext(_ value: JSONValue) -> Bool {
        guard case .object(let o) = value else { return false }
        return (o["@context"].map(JSONValue.strings) ?? []).contains { $0.hasSuffix("w3id.org/openbadges/v1") }
    }

    /// VCDM and OB context versions, for the detail line.
    static func vcDetail(_ contexts: [String]) -> [String] {
        var out: [String] = []
        if contexts.first == "https://www.w3.org/ns/credentials/v2" { out.append("VCDM 2.0") }
        if contexts.first == "https://www.w3.org/2018/credentials/v1" { out.append("VCDM 1.1") }
        if let ob = contexts.first(where: { OB3Vocabulary.isOBContext($0) }) {
            out.append("OB context \(OB3Vocabulary.obContextVersion(ob))")
        }
        return out
    }

    /// The payload of a compact JWS as a JSON object, with its algorithm; nil when it is none.
    static func jwsPayload(_ text: String, limits: JSONLimits) -> (claims: JSONObject, algorithm: String?)? {
        guard let jws = try? CompactJWS(text, limits: limits),
            case .object(let claims)? = try? JSONParser(limits: limits).parse(jws.payload)
        else { return nil }
        return (claims, jws.algorithm)
    }
}

extension OB3WriterOptions {
    /// The Open Badges writer options a write context asks for.
    init(_ context: WriteContext) {
        self.init(preferredLanguage: context.preferredLanguage, makeIdentifier: context.makeIdentifier)
    }
}
