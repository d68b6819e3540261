/// Reads N-Quads (RDF 1.1): IRIs with `\u`/`\U` escapes, blank nodes, literals with escapes, datatypes
/// and language tags, an optional graph name, comments and blank lines.
public enum NQuadsParser {
    /// A line that is not N-Quads, with its place.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Every quad of `text`, in order.
    public static func parse(_ text: String) throws(SyntaxError) -> [RDFQuad] {
        var quads: [RDFQuad] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var scanner = LineScanner(Array(line.unicodeScalars), line: lineNumber)
            if let quad = try scanner.quad() { quads.append(quad) }
        }
        return quads
    }

    struct LineScanner {
        let chars: [Unicode.Scalar]
        let line: Int
        var i = 0

        init(_ chars: [Unicode.Scalar], line: Int) {
            self.chars = chars
            self.line = line
        }

        func fail(_ message: String) -> SyntaxError { SyntaxError(line: line, column: i + 1, message: message) }

        var current: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\t" { i += 1 }
        }

        mutating func quad() throws(SyntaxError) -> RDFQuad? {
            skipSpace()
            guard let c = current, c != "#" else { return nil }
            let subject: RDFTerm
            switch c {
            case "<": subject = .iri(try iri())
            case "_": subject = .blank(try blank())
            default: throw fail("a subject is an IRI or a blank node")
            }
            skipSpace()
            guard current == "<" else { throw fail("a predicate is an IRI") }
            let predicate = RDFTerm.iri(try iri())
            skipSpace()
            let object: RDFTerm
            switch current {
            case "<"?: object = .iri(try iri())
            case "_"?: object = .blank(try blank())
            case "\""?: object = try literal()
            default: throw fail("an object is an IRI, a blank node or a literal")
            }
            skipSpace()
            var graph: RDFTerm?
            switch current {
            case "<"?: graph = .iri(try iri())
            case "_"?: graph = .blank(try blank())
            default: break
            }
            skipSpace()
            guard current == "." else { throw fail("a quad ends with '.'") }
            i += 1
            skipSpace()
            guard current == nil || current == "#" else { throw fail("text after the end of the quad") }
            return RDFQuad(subject, predicate, object, graph: graph)
        }

        mutating func iri() throws(SyntaxError) -> String {
            i += 1  // <
            var out = String.UnicodeScalarView()
            while let c = current {
                switch c {
                case ">":
                    i += 1
                    return String(out)
                case "\\":
                    out.append(try unicodeEscape())
                case " ", "<", "\"", "{", "}", "|", "^", "`":
                    throw fail("'\(c)' is not allowed in an IRI")
                default:
                    guard c.value > 0x20 else { throw fail("a control character in an IRI") }
                    out.append(c)
                    i += 1
                }
            }
            throw fail("an IRI without its closing '>'")
        }

        mutating func blank() throws(SyntaxError) -> String {
            guard i + 1 < chars.count, chars[i + 1] == ":" else { throw fail("a blank node starts with '_:'") }
            i += 2
            let start = i
            while let c = current, c != " ", c != "\t", c != "<", c != "\"", !(c == "." && (i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\t")) {
                i += 1
            }
            guard i > start else { throw fail("a blank node without a label") }
            var label = String(String.UnicodeScalarView(chars[start..<i]))
            while label.hasSuffix(".") { label.removeLast(); i -= 1 }
            return label
        }

        mutating func literal() throws(SyntaxError) -> RDFTerm {
            i += 1  // "
            var value = String.UnicodeScalarView()
            var closed = false
            while let c = current {
                if c == "\"" {
                    i += 1
                    closed = true
                    break
                }
                if c == "\\" {
                    guard i + 1 < chars.count else { throw fail("an escape at the end of the line") }
                    switch chars[i + 1] {
                    case "t": value.append("\t"); i += 2
                    case "b": value.append("\u{08}"); i += 2
                    case "n": value.append("\n"); i += 2
                    case "r": value.append("\r"); i += 2
                    case "f": value.append("\u{0C}"); i += 2
                    case "\"": value.append("\""); i += 2
                    case "'": value.append("'"); i += 2
                    case "\\": value.append("\\"); i += 2
                    case "u", "U": value.append(try unicodeEscape())
                    default: throw fail("an unknown escape \\\(chars[i + 1])")
                    }
                    continue
                }
                guard c != "\n", c != "\r" else { throw fail("a line break in a literal") }
                value.append(c)
                i += 1
            }
            guard closed else { throw fail("a literal without its closing quote") }
            let text = String(value)
            if current == "@" {
                i += 1
                let start = i
                while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" { i += 1 }
                guard i > start else { throw fail("an empty language tag") }
                return .literal(text, datatype: RDFTerm.langString, language: String(String.UnicodeScalarView(chars[start..<i])))
            }
            if current == "^" {
                guard i + 2 < chars.count, chars[i + 1] == "^", chars[i + 2] == "<" else { throw fail("a datatype is '^^<IRI>'") }
                i += 2
                return .literal(text, datatype: try iri(), language: nil)
            }
            return .string(text)
        }

        /// `\uXXXX` or `\UXXXXXXXX` at the cursor.
        mutating func unicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
            guard i + 1 < chars.count else { throw fail("an escape at the end of the line") }
            let count: Int
            switch chars[i + 1] {
            case "u": count = 4
            case "U": count = 8
            default: throw fail("only \\u and \\U escapes are allowed here")
            }
            guard i + 2 + count <= chars.count else { throw fail("a short \\u escape") }
            let hex = String(String.UnicodeScalarView(chars[(i + 2)..<(i + 2 + count)]))
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw fail("\\\(chars[i + 1])\(hex) is not a Unicode scalar")
            }
            i += 2 + count
            return scalar
        }
    }
}
