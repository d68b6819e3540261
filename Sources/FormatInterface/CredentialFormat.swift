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
    /// This format as a reader, when it is one. Answered by the conformance itself (the defaults below),
    /// not by a dynamic cast: the first cast of a value to a protocol scans every conformance record of
    /// the binary, about 0.3 million instructions per format and protocol at start-up.
    var asReadable: (any ReadableFormat)? { get }
    /// This format as a writer, when it is one.
    var asWritable: (any WritableFormat)? { get }
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
    public var asReadable: (any ReadableFormat)? { nil }
    public var asWritable: (any WritableFormat)? { nil }
}

extension ReadableFormat {
    public var asReadable: (any ReadableFormat)? { self }
}

extension WritableFormat {
    public var asWritable: (any WritableFormat)? { self }
}
