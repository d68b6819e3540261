/// The credential formats credconv knows by name. Every later format plugs in here.
public enum Format: String, Sendable, CaseIterable, CustomStringConvertible {
    case ob3
    case ob3JWT = "ob3-jwt"
    case ob2
    case elmXML = "elm-xml"
    case elm
    case html
    case png
    case svg
    case model

    /// What the format is, for `credconv formats` and help texts.
    public var summary: String {
        switch self {
        case .ob3: return "Open Badges 3.0 credential, JSON-LD (VCDM 2.0; reads 1.1 too)"
        case .ob3JWT: return "Open Badges 3.0 VC-JWT (compact JWS; signature not verified)"
        case .ob2: return "Open Badges 2.0 assertion with badge class and issuer"
        case .elmXML: return "Europass ELM v2 credential XML (europassCredential, schema 1.2)"
        case .elm: return "Europass ELM v3 JSON-LD (EuropeanDigitalCredential)"
        case .html: return "printable HTML certificate that carries its data"
        case .png: return "PNG image with a baked badge (written with credconv bake)"
        case .svg: return "SVG image with a baked badge (written with credconv bake)"
        case .model: return "credconv's internal model as JSON (for jq)"
        }
    }

    /// True when this build can read the format.
    public var canRead: Bool { ReaderRegistry.readable.contains(self) }
    /// True when this build can write the format.
    public var canWrite: Bool { WriterRegistry.writable.contains(self) }

    public var description: String { rawValue }

    /// The names, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
