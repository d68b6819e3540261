/// Canonical N-Quads (RDFC-1.0 §4.?, RDF 1.2 N-Quads canonical form): IRIs as they are, literals with
/// `\b \t \n \f \r \" \\` escaped, other control characters (U+0000–U+001F, U+007F) as `\uXXXX`, every
/// other character as itself; one line per quad, ending in a line feed.
public enum NQuadsSerializer {
    /// The line of one quad, with its line feed.
    public static func line(_ quad: RDFQuad) -> String {
        var out = ""
        out.reserveCapacity(128)
        write(quad.subject, into: &out)
        out += " "
        write(quad.predicate, into: &out)
        out += " "
        write(quad.object, into: &out)
        if let graph = quad.graph {
            out += " "
            write(graph, into: &out)
        }
        out += " .\n"
        return out
    }

    /// The lines of `quads`, in the order given.
    public static func document(_ quads: [RDFQuad]) -> String {
        quads.map(line).joined()
    }

    /// One term in canonical form.
    public static func write(_ term: RDFTerm, into out: inout String) {
        switch term {
        case .iri(let iri):
            out += "<" + iri + ">"
        case .blank(let label):
            out += "_:" + label
        case .literal(let value, let datatype, let language):
            out += "\""
            escape(value, into: &out)
            out += "\""
            if let language {
                out += "@" + language
            } else if datatype != RDFTerm.xsdString {
                out += "^^<" + datatype + ">"
            }
        }
    }

    static func escape(_ value: String, into out: inout String) {
        // Most literals need no escape: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            out += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
