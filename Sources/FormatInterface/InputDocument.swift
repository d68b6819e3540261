import CredconvJSON
import CredentialModel

/// An input after the first look: parsed JSON, compact JWS text, or raw bytes, so no reader parses twice.
public enum InputDocument: Sendable {
    case json(JSONValue)
    case compactJWS(String)
    case bytes([UInt8])
}

/// What detection found: the format, a version detail, and the document ready for its reader.
public struct DetectedInput: Sendable {
    public var format: FormatName
    /// Version detail for people (`OpenBadgeCredential, VCDM 2.0, OB context 3.0.3`).
    public var detail: String
    public var document: InputDocument

    public init(format: FormatName, detail: String, document: InputDocument) {
        self.format = format
        self.detail = detail
        self.document = document
    }
}

/// A format's verdict on a document it was shown.
public enum Recognition: Sendable {
    /// The document is in this format; the detail names its version for people.
    case recognised(detail: String)
    /// The document claims to be in this format, but its reader would refuse it: the reason, so that
    /// detection can say it instead of "unknown format".
    case refused(Diagnostic)
}
