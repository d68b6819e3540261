import CredconvJSON

/// An input after the first look: parsed JSON, JWS text, or raw bytes, so the reader does not parse twice.
public enum InputDocument: Sendable {
    case json(JSONValue)
    case compactJWS(String)
    case bytes([UInt8])
}

/// What detection found: the format, a version detail, and the document ready for its reader.
public struct DetectedInput: Sendable {
    public var format: Format
    /// Version detail for people (`OpenBadgeCredential, VCDM 2.0, OB context 3.0.3`).
    public var detail: String
    public var document: InputDocument
}
