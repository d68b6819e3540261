import CredconvJSON

/// The context documents compiled into credconv, by the URL they are published at.
public enum EmbeddedContexts {
    /// Published URL → file name under `Sources/JSONLD/contexts/` (or `schemas/` for credconv's own).
    public static let files: [(url: String, file: String)] = [
        ("https://www.w3.org/2018/credentials/v1", "credentials-v1-context.jsonld"),
        ("https://www.w3.org/ns/credentials/v2", "credentials-v2-context.jsonld"),
        ("https://w3id.org/security/data-integrity/v1", "data-integrity-v1-context.jsonld"),
        ("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json"),
        ("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-context-3.0.2.json"),
        ("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-context-3.0.1.json"),
        ("https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob-v3p0-context.json"),
        ("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json"),
        ("https://purl.imsglobal.org/spec/clr/v2p0/context.json", "clr-v2p0-context.json"),
        ("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr-v2p0-2.0.1-context.json"),
        ("https://w3id.org/openbadges/v2", "openbadges-v2-context.json"),
        ("http://data.europa.eu/snb/model/context/edc-ap", "edc-ap-context.jsonld"),
        ("https://w3id.org/credconv/ob3/v1", "credconv-ob3-extension.context.jsonld"),
    ]

    /// The bytes of an embedded file, by file name.
    public static func bytes(ofFile name: String) -> [UInt8]? {
        guard let hex = EmbeddedContextFiles.hex[name], hex.utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The embedded document published at `url`, parsed (nil when none is embedded).
    static func document(at url: String) -> JSONValue? {
        let key = key(url)
        guard let file = files.first(where: { $0.url == key })?.file, let bytes = bytes(ofFile: file) else { return nil }
        return try? JSONParser().parse(bytes)
    }

    /// Normalises a context URL for lookup: `http` and `https` name the same published context, and a
    /// trailing `#` fragment is ignored.
    static func key(_ url: String) -> String {
        var u = url
        if let hash = u.firstIndex(of: "#") { u = String(u[..<hash]) }
        return u
    }
}
