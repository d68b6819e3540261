import CredconvJSON
import CredentialModel

/// A credential format credconv knows: its name, what it is, and how it recognises its own documents.
///
/// Formats are stateless values listed once (``FormatRegistry``); a format that can be read also
/// conforms to ``ReadableFormat``, one that can be written to ``WritableFormat``. Formats that embed
/// another (baked images, certificates) ask the registry in their context for the inner format; no
/// format module imports another.
public protocol CredentialFormat: Sendable {
    /// The name on the command line (`-f`, `-t`) and in reports.
    var name: FormatName { get }
    /// One line for `credconv formats` and help texts.
    var summary: String { get }
    /// The file name extension of written documents (`json`, `xml`).
    var fileExtension: String { get }
    /// Looks at a document: nil when it is not this format.
    func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition?
}

/// A format credconv reads into the model.
public protocol ReadableFormat: CredentialFormat {
    /// Reads one document. Warnings and losses go to `context.report`.
    func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential
}

/// A format credconv writes from the model.
public protocol WritableFormat: CredentialFormat {
    /// Writes one document, without a trailing newline. Warnings and losses go to `context.report`.
    func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8]
}

extension CredentialFormat {
    public var fileExtension: String { "json" }
}
