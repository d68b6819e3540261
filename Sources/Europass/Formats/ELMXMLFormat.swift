import CredconvJSON
import CredentialModel
import FormatInterface
import XMLSupport

extension FormatName {
    /// Europass ELM v2 credential XML.
    public static let elmXML: FormatName = "elm-xml"
}

/// Europass ELM v2 credential XML (`europassCredential`, schema 1.0 to 1.2; the presentation wrapper).
public struct ELMXMLFormat: ReadableFormat, RecordWritableFormat {
    public init() {}

    public var name: FormatName { .elmXML }
    public var summary: String { "Europass ELM v2 credential XML (europassCredential, schema 1.2)" }
    public var fileExtension: String { "xml" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .bytes(let bytes) = document, bytes.trimmingASCIIWhitespace().first == UInt8(ascii: "<") else { return nil }
        let head = bytes.prefix(4096)
        guard head.containsASCII("europassCredential") || head.containsASCII("verifiablePresentation") else { return nil }
        let version = head.containsASCII("_1.2.xsd") ? "schema 1.2" : head.containsASCII("_1.1.xsd") ? "schema 1.1"
            : head.containsASCII("genericschema.xsd") ? "schema 1.0" : "schema version not stated"
        let wrapper = head.containsASCII("verifiablePresentation") ? ", in a verifiable presentation" : ""
        return .recognised(detail: "Europass ELM v2 credential XML, \(version)\(wrapper)")
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .bytes(let bytes) = document else { throw Diagnostic(.formatMismatch, "Europass credential XML is an XML document") }
        return try ELMXMLReader(maxBytes: context.xmlMaxBytes, listsUnread: context.reportsUnreadInput).read(bytes, report: &context.report)
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let writer = ELMXMLWriter(options: ELMXMLWriterOptions(preferredLanguage: context.preferredLanguage, makeIdentifier: context.makeIdentifier))
        var bytes = try writer.write(credential, report: &context.report)
        // The XML writer ends the document with a newline; the caller adds its own.
        while bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }
}

extension XMLElementView {
    /// The element's place, for diagnostics: its XPath and line.
    var location: SourceLocation { .xpath(path, line: line) }
}
