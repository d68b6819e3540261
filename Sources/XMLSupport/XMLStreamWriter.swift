import CLibXML2

/// Writes namespace-correct, indented, UTF-8 XML through libxml2's xmlTextWriter, into memory.
///
/// libxml2 escapes `<`, `&`, `>` and quotes; this layer also replaces characters XML 1.0 forbids
/// (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF), which libxml2 would
/// otherwise write raw, producing a document no parser accepts. ``replacedCharacters`` counts them.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// How many forbidden characters were replaced by U+FFFD.
    public private(set) var replacedCharacters = 0

    public init(indent: Bool = true) {
        _ = LibXML.initialized
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func startDocument() {
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    /// Starts an element; `namespace` declares `xmlns` (or `xmlns:prefix`) on it.
    public func startElement(_ name: String, prefix: String? = nil, namespace: String? = nil) {
        xmlTextWriterStartElementNS(writer, prefix, name, namespace)
    }

    public func endElement() {
        xmlTextWriterEndElement(writer)
    }

    /// An attribute of the current element.
    public func attribute(_ name: String, _ value: String, prefix: String? = nil, namespace: String? = nil) {
        xmlTextWriterWriteAttributeNS(writer, prefix, name, namespace, clean(value))
    }

    /// Declares a namespace prefix on the current element.
    public func declareNamespace(prefix: String, uri: String) {
        xmlTextWriterWriteAttribute(writer, "xmlns:" + prefix, uri)
    }

    /// Escaped text content.
    public func text(_ value: String) {
        xmlTextWriterWriteString(writer, clean(value))
    }

    /// A complete element holding text: `<name>text</name>`.
    public func element(_ name: String, text value: String, prefix: String? = nil) {
        startElement(name, prefix: prefix)
        text(value)
        endElement()
    }

    /// Writes already-serialised XML as it is (kept fragments of the source); the caller guarantees it
    /// is well-formed.
    public func raw(_ xml: String) {
        xmlTextWriterWriteRaw(writer, clean(xml))
    }

    /// Ends the document and returns its bytes.
    public func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        let count = Int(xmlBufferLength(buffer))
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// The text with characters XML 1.0 forbids replaced by U+FFFD.
    private func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: Self.isForbidden) else { return s }
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

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }
}
