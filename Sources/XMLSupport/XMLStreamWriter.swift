/// Writes namespace-correct, indented, UTF-8 XML into memory, byte for byte as libxml2's xmlTextWriter
/// does with two-space indentation (credconv wrote through it before; writing the bytes here costs a
/// tenth of the calls into libxml2 and the C strings made for each).
///
/// The layout: each element on its own line, indented two spaces per level; an element holding only
/// text on one line (`<a>text</a>`); an empty one closed at once (`<a/>`); namespace declarations
/// given with an element after its other attributes. Escaping: `<`, `>`, `&` and `"` everywhere, a
/// carriage return as `&#13;`, and in attributes also tab and line feed (`&#9;`, `&#10;`), which an
/// attribute value would otherwise lose to normalisation. Characters XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) are replaced by U+FFFD, since no
/// parser accepts a document holding them; ``replacedCharacters`` counts them.
public struct XMLStreamWriter: Sendable {
    /// An element whose end tag is not written yet.
    private struct OpenElement {
        var name: String
        /// True while the start tag is open (attributes may follow).
        var tagOpen: Bool
        /// `xmlns` declarations to write when the start tag closes.
        var namespaces: [(attribute: String, uri: String)] = []
        /// `xmlns` attributes already written on the start tag (never declared twice).
        var declared: [String] = []
    }

    private var out: [UInt8] = []
    private var open: [OpenElement] = []
    private let indents: Bool
    /// False after text or raw XML, so that the end tag follows it on the same line.
    private var indentsEndTag = true
    /// How many forbidden characters were replaced by U+FFFD.
    public private(set) var replacedCharacters = 0

    public init(indent: Bool = true) {
        indents = indent
        out.reserveCapacity(8192)
    }

    public mutating func startDocument() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Starts an element; `namespace` declares `xmlns` (or `xmlns:prefix`) on it.
    public mutating func startElement(_ name: String, prefix: String? = nil, namespace: String? = nil) {
        if let last = open.indices.last, open[last].tagOpen {
            closeStartTag()
            if indents { out.append(0x0A) }
        }
        let qualified = prefix.map { "\($0):\(name)" } ?? name
        var element = OpenElement(name: qualified, tagOpen: true)
        if let namespace { element.namespaces.append((prefix.map { "xmlns:\($0)" } ?? "xmlns", namespace)) }
        open.append(element)
        if indents { writeIndent() }
        out.append(UInt8(ascii: "<"))
        append(qualified)
    }

    public mutating func endElement() {
        guard let element = open.last else { return }
        if element.tagOpen {
            writeNamespaceDeclarations()
            indentsEndTag = true
            append("/>")
        } else {
            if indents && indentsEndTag { writeIndent() }
            indentsEndTag = true
            append("</")
            append(element.name)
            out.append(UInt8(ascii: ">"))
        }
        if indents { out.append(0x0A) }
        open.removeLast()
    }

    /// An attribute of the current element; `namespace` declares the prefix on it.
    public mutating func attribute(_ name: String, _ value: String, prefix: String? = nil, namespace: String? = nil) {
        guard let last = open.indices.last, open[last].tagOpen else { return }
        if let prefix, let namespace {
            let declaration = "xmlns:\(prefix)"
            if !open[last].declared.contains(declaration), !open[last].namespaces.contains(where: { $0.attribute == declaration }) {
                open[last].namespaces.append((declaration, namespace))
            }
        }
        writeAttribute(prefix.map { "\($0):\(name)" } ?? name, value)
    }

    /// Declares a namespace prefix on the current element.
    public mutating func declareNamespace(prefix: String, uri: String) {
        guard let last = open.indices.last, open[last].tagOpen else { return }
        open[last].declared.append("xmlns:" + prefix)
        writeAttribute("xmlns:" + prefix, uri)
    }

    /// Escaped text content.
    public mutating func text(_ value: String) {
        beginContent()
        writeEscaped(value, inAttribute: false)
    }

    /// A complete element holding text: `<name>text</name>`.
    public mutating func element(_ name: String, text value: String, prefix: String? = nil) {
        startElement(name, prefix: prefix)
        text(value)
        endElement()
    }

    /// Writes already-serialised XML as it is (kept fragments of the source); the caller guarantees it
    /// is well-formed.
    public mutating func raw(_ xml: String) {
        beginContent()
        let cleaned = clean(xml)
        append(cleaned)
    }

    /// Ends the document (closing what is open) and returns its bytes.
    public mutating func finish() -> [UInt8] {
        while !open.isEmpty { endElement() }
        if !indents { out.append(0x0A) }
        return out
    }

    // MARK: writing

    private mutating func append(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    private mutating func writeIndent() {
        for _ in 0..<max(open.count - 1, 0) { out.append(0x20); out.append(0x20) }
    }

    /// Closes the current start tag (after its namespace declarations) when it is still open.
    private mutating func closeStartTag() {
        guard let last = open.indices.last, open[last].tagOpen else { return }
        writeNamespaceDeclarations()
        out.append(UInt8(ascii: ">"))
        open[last].tagOpen = false
    }

    /// Before text or raw XML: the start tag closes on the same line, and the end tag follows the content.
    private mutating func beginContent() {
        closeStartTag()
        if indents { indentsEndTag = false }
    }

    private mutating func writeNamespaceDeclarations() {
        guard let last = open.indices.last, !open[last].namespaces.isEmpty else { return }
        let declarations = open[last].namespaces
        open[last].namespaces = []
        for d in declarations { writeAttribute(d.attribute, d.uri) }
    }

    private mutating func writeAttribute(_ name: String, _ value: String) {
        out.append(0x20)
        append(name)
        append("=\"")
        writeEscaped(value, inAttribute: true)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `value` escaped for element content or an attribute value, forbidden characters replaced.
    private mutating func writeEscaped(_ value: String, inAttribute: Bool) {
        var text = clean(value)
        text.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let escape: StaticString
                switch bytes[i] {
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "\""): escape = "&quot;"
                case 0x0D: escape = "&#13;"
                case 0x0A where inAttribute: escape = "&#10;"
                case 0x09 where inAttribute: escape = "&#9;"
                default: continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i + 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }

    /// The text with characters XML 1.0 forbids replaced by U+FFFD.
    private mutating func clean(_ s: String) -> String {
        guard Self.mayHoldForbidden(s) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if Self.isForbidden(scalar) {
                out.append("\u{FFFD}")
                replacedCharacters += 1
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// False when no byte can start a forbidden character: no C0 control but tab, line feed and
    /// carriage return, and no 0xEF (the lead byte of U+FFFE and U+FFFF).
    private static func mayHoldForbidden(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            for b in bytes where (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF { return true }
            return false
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }
}
