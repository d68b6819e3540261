/// Namespaces, schema locations and fixed values of Europass ELM v2 credential XML.
public enum ELMNamespaces {
    /// The default namespace of `europassCredential`.
    public static let snb = "http://data.europa.eu/snb"
    /// The W3C-credential terms (`cred:issuer`, `cred:validFrom`, …).
    public static let cred = "http://data.europa.eu/europass/model/credentials/w3c#"
    /// The verifiable-presentation wrapper of mandated and shared issuance.
    public static let vp = "http://data.europa.eu/snb/vp"
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    public static let ds = "http://www.w3.org/2000/09/xmldsig#"

    /// The schema location credconv writes (schema 1.2).
    public static let schemaLocation12 = "http://data.europa.eu/snb http://publications.europa.eu/resource/schema/credential/genericschema_1.2.xsd"
    /// `@xsdVersion` as every EDC issuer writes it.
    public static let xsdVersion = "0.10.0"

    /// The 29 languages ELM v2 text elements may be tagged with.
    public static let textLanguages: Set<String> = [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt", "lv", "mk", "mt",
        "nl", "no", "pl", "pt", "ro", "sk", "sl", "sr", "sv", "tr",
    ]
}
