/// The image file types credentials embed, by the EU file-type authority's codes and their MIME types:
/// one table for every reader and writer.
public enum FileTypes {
    /// The EU authority table of file types.
    public static let scheme = "http://publications.europa.eu/resource/authority/file-type"

    /// Authority code and MIME type, first name wins for each.
    static let images: [(code: String, mime: String)] = [
        ("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("SVG", "image/svg+xml"),
    ]

    /// `image/png` for `PNG` (also `JPG`, any case, or the authority IRI); nil when unknown.
    public static func mime(forCode code: String) -> String? {
        var c = (code.split(separator: "/").last.map(String.init) ?? code).uppercased()
        if c == "JPG" { c = "JPEG" }
        return images.first { $0.code == c }?.mime
    }

    /// `PNG` for `image/png` (also `image/jpg`, any case); nil when unknown.
    public static func code(forMIME mime: String) -> String? {
        var m = mime.lowercased()
        if m == "image/jpg" { m = "image/jpeg" }
        return images.first { $0.mime == m }?.code
    }

    /// The authority IRI of a code (`…/file-type/PNG`).
    public static func iri(_ code: String) -> String { "\(scheme)/\(code)" }
}

extension FileTypes {
    /// The authority concept of a code: its IRI, the authority as scheme, the code as notation and label.
    public static func concept(_ code: String) -> Concept {
        Concept(id: iri(code), scheme: scheme, notation: code, label: LocalizedString(code, language: "en"))
    }
}
