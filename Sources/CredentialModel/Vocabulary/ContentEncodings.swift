/// The EU content-encoding vocabulary of embedded media objects (ELM `contentEncoding`).
public enum ContentEncodings {
    public static let scheme = "http://data.europa.eu/snb/encoding/25831c2"
    /// Base64, the only encoding credentials use for embedded pictures and documents.
    public static let base64 = Concept(id: "http://data.europa.eu/snb/encoding/6146cde7dd", scheme: scheme,
                                       notation: "base64", label: LocalizedString("base64", language: "en"))
}
