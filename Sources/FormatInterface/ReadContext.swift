import CredconvJSON
import CredentialModel

/// What a reader is given besides the document: limits, linked documents, the registry for inner
/// formats, and the report that collects its warnings and losses.
public struct ReadContext: Sendable {
    /// Caps for JSON input.
    public var jsonLimits: JSONLimits
    /// Size cap for XML input.
    public var xmlMaxBytes: Int
    /// Further JSON documents the input may refer to by id (OB 2.0 badge classes and issuers), since
    /// credconv never fetches.
    public var linkedDocuments: [JSONValue]
    /// The version detail detection found (`VCDM 2.0, OB context 3.0.3`).
    public var detail: String
    /// Warnings and losses.
    public var report: ConversionReport
    /// The formats, for documents embedded in others.
    public let formats: FormatRegistry
    /// Whether readers list what they did not read as lost (the default). Off where only the model
    /// matters — the loss check, which reads each output back — so readers may skip that walk.
    public var reportsUnreadInput = true

    public init(
        formats: FormatRegistry, jsonLimits: JSONLimits = .default, xmlMaxBytes: Int = 16 << 20,
        linkedDocuments: [JSONValue] = [], detail: String = "", report: ConversionReport = ConversionReport()
    ) {
        self.formats = formats
        self.jsonLimits = jsonLimits
        self.xmlMaxBytes = xmlMaxBytes
        self.linkedDocuments = linkedDocuments
        self.detail = detail
        self.report = report
    }
}
