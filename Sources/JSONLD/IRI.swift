/// IRI helpers JSON-LD needs: the absolute-IRI test, RFC 3986 reference resolution (section 5.2, without
/// normalisation, as JSON-LD 1.1 asks) and the well-formedness test of the RDF conversion.
public enum IRI {
    /// True when `text` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    public static func isAbsolute(_ text: String) -> Bool {
        var sawFirst = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return sawFirst }
            if isAlpha(byte) { sawFirst = true; continue }
            if sawFirst && (isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) { continue }
            return false
        }
        return false
    }

    /// True for an absolute IRI with no character N-Quads cannot carry in `<…>` (space, `<>"{}|\^` and
    /// the backtick, controls): the "well-formed IRI" the toRdf algorithm requires of subjects, predicates
    /// and objects.
    public static func isWellFormed(_ text: String) -> Bool {
        guard isAbsolute(text) else { return false }
        var hashes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "#"):
                hashes += 1
                if hashes > 1 { return false }
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            default:
                if byte <= 0x20 { return false }
            }
        }
        return true
    }

    /// True for a blank node identifier (`_:` prefix).
    public static func isBlankNode(_ text: String) -> Bool { text.hasPrefix("_:") }

    /// Resolves `reference` against `base` (RFC 3986 section 5.2.2, strict). A reference that is already
    /// absolute keeps its own parts, with dot segments removed.
    public static func resolve(_ reference: String, against base: String) -> String {
        let r = Parts(reference)
        if r.scheme != nil {
            return Parts.compose(scheme: r.scheme, authority: r.authority, path: removeDotSegments(r.path), query: r.query, fragment: r.fragment)
        }
        let b = Parts(base)
        var authority: String?
        var path: String
        var query: String?
        if r.authority != nil {
            authority = r.authority
            path = removeDotSegments(r.path)
            query = r.query
        } else {
            authority = b.authority
            if r.path.isEmpty {
                path = b.path
                query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    path = removeDotSegments(r.path)
                } else {
                    path = removeDotSegments(merge(base: b, referencePath: r.path))
                }
                query = r.query
            }
        }
        return Parts.compose(scheme: b.scheme, authority: authority, path: path, query: query, fragment: r.fragment)
    }

    private static func merge(base: Parts, referencePath: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + referencePath }
        guard let slash = base.path.lastIndex(of: "/") else { return referencePath }
        return String(base.path[...slash]) + referencePath
    }

    /// RFC 3986 section 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.hasASCII(".") else { return path }
        var input = Substring(path)
        var outputString = ""
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = "/" + input.dropFirst(3) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") {
                input = "/" + input.dropFirst(4)
                removeLastSegment(&outputString)
            } else if input == "/.." {
                input = "/"
                removeLastSegment(&outputString)
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var end = input.startIndex
                if input.first == "/" { end = input.index(after: end) }
                while end < input.endIndex && input[end] != "/" { end = input.index(after: end) }
                outputString += input[input.startIndex..<end]
                input = input[end...]
            }
        }
        return outputString
    }

    private static func removeLastSegment(_ output: inout String) {
        if let slash = output.lastIndex(of: "/") {
            output.removeSubrange(slash...)
        } else {
            output = ""
        }
    }

    private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The five components of a URI reference (RFC 3986 appendix B).
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), IRI.isAbsolute(String(rest[...colon])) {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        static func compose(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) -> String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }
}
