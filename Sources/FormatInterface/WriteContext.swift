import CredconvJSON
import CredentialModel

/// What a writer is given besides the model: the choices shared by all writers, the format's own
/// options, injected services, the registry for embedded formats, and the report.
public struct WriteContext: Sendable {
    /// Indented or one-line JSON.
    public var jsonStyle: JSONWriter.Style
    /// Escape `<`, `>` and `&` in JSON strings (JSON embedded in HTML).
    public var jsonEscapesHTML: Bool = false
    /// Languages to prefer for texts written in one language, best first (BCP 47).
    public var preferredLanguages: [String]
    /// Makes identifiers a target requires and the model lacks.
    public var makeIdentifier: @Sendable () -> String
    /// The formats' own options.
    public var options: FormatOptions
    /// True when the document is written only to be pictured (the page picture of an ELM v3
    /// credential): no embedded data, no remote images, which could not load offline.
    public var isForPagePicture: Bool = false
    /// The generator's name and version, for writers that record it (`credconv 0.9.0`).
    public var generator: String = "credconv"
    /// Renders a certificate page as a picture (headless browser); nil when none is available. The
    /// library never spawns processes itself: the CLI injects this.
    public var pageRenderer: (any PageImageRendering)?
    /// Warnings and losses.
    public var report: ConversionReport
    /// The formats, for documents embedded in others.
    public let formats: FormatRegistry
    /// The JSON document last serialised through ``serialise(_:)``, with its text: the loss check reads
    /// that tree back instead of parsing the output again (it is the tree the text was written from).
    public private(set) var serialisedJSON: (document: JSONValue, text: [UInt8])?

    public init(
        formats: FormatRegistry, jsonStyle: JSONWriter.Style = .pretty, preferredLanguages: [String] = [],
        makeIdentifier: @escaping @Sendable () -> String, options: FormatOptions = FormatOptions(),
        pageRenderer: (any PageImageRendering)? = nil, report: ConversionReport = ConversionReport()
    ) {
        self.formats = formats
        self.jsonStyle = jsonStyle
        self.preferredLanguages = preferredLanguages
        self.makeIdentifier = makeIdentifier
        self.options = options
        self.pageRenderer = pageRenderer
        self.report = report
    }

    /// The first preferred language, if any.
    public var preferredLanguage: String? { preferredLanguages.first }

    /// The JSON writer this context asks for.
    public var jsonWriter: JSONWriter { JSONWriter(style: jsonStyle, escapeHTMLSensitive: jsonEscapesHTML) }

    /// Writes a JSON document as text with ``jsonWriter`` and remembers it as ``serialisedJSON``.
    public mutating func serialise(_ document: JSONValue) -> [UInt8] {
        let bytes = jsonWriter.bytes(document)
        serialisedJSON = (document, bytes)
        return bytes
    }

    /// The tree `output` was serialised from, when `output` is the text ``serialise(_:)`` wrote last;
    /// nil otherwise (a page, XML, a document that embeds the last one). The writer returns that text
    /// itself, so the comparison finds the same storage and costs no byte compare.
    public func serialisedDocument(of output: [UInt8]) -> JSONValue? {
        guard let (document, text) = serialisedJSON, text == output else { return nil }
        return document
    }
}

/// Turns a printable page (HTML) into a picture of its first page (JPEG).
public protocol PageImageRendering: Sendable {
    /// The JPEG, or nil with the reason as a warning in `report`.
    func jpeg(ofPage html: [UInt8], report: inout ConversionReport) -> [UInt8]?
}
