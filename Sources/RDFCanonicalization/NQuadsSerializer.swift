/// Canonical N-Quads (RDFC-1.0 §4.?, RDF 1.2 N-Quads canonical form): IRIs as they are, literals with
/// `\b \t \n \f \r \" \\` escaped, other control characters (U+0000–U+001F, U+007F) as `\uXXXX`, every
/// other character as itself; one line per quad, ending in a line feed.
public enum NQuadsSerializer {
    /// The line of one quad, with its line feed.
    public static func line(_ quad: RDFQuad) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(quad.subject, into: &out)
        out.append(0x20)
        write(quad.predicate, into: &out)
        out.append(0x20)
        write(quad.object, into: &out)
        if let graph = quad.graph {
            out.append(0x20)
            write(graph, into: &out)
        }
        out.append(contentsOf: " .\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of `quads`, in the order given.
    public static func document(_ quads: [RDFQuad]) -> String {
        quads.map(line).joined()
    }

    /// One term in canonical form.
    public static func write(_ term: RDFTerm, into out: inout String) {
        var bytes: [UInt8] = []
        write(term, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// One term in canonical form, as UTF-8.
    public static func write(_ term: RDFTerm, into out: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: iri.utf8)
            out.append(UInt8(ascii: ">"))
        case .blank(let label):
            out.append(contentsOf: "_:".utf8)
            out.append(contentsOf: label.utf8)
        case .literal(let value, let datatype, let language):
            out.append(UInt8(ascii: "\""))
            escape(value, into: &out)
            out.append(UInt8(ascii: "\""))
            if let language {
                out.append(UInt8(ascii: "@"))
                out.append(contentsOf: language.utf8)
            } else if datatype != RDFTerm.xsdString {
                out.append(contentsOf: "^^<".utf8)
                out.append(contentsOf: datatype.utf8)
                out.append(UInt8(ascii: ">"))
            }
        }
    }

    /// Escapes a literal's text. Only ASCII bytes are escaped, so UTF-8 sequences pass through whole.
    static func escape(_ value: String, into out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for byte in value.utf8 {
            switch byte {
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x22: out.append(contentsOf: #"\""#.utf8)
            case 0x5C: out.append(contentsOf: #"\\"#.utf8)
            case 0x00...0x1F, 0x7F:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
    }
}
