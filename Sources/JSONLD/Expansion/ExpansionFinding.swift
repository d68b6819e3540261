/// Something expansion dropped or left relative: data a JSON-LD signature (and any JSON-LD consumer)
/// will not see. What "safe mode" of JSON-LD processors reports.
public struct ExpansionFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A member whose key the context does not define (and no `@vocab` catches): dropped.
        case undefinedTerm = "undefined-term"
        /// A `@type` value that stays a relative IRI: dropped from RDF.
        case relativeType = "relative-type"
        /// An `@id` value that stays a relative IRI (no base): dropped from RDF.
        case relativeIdentifier = "relative-id"
        /// A string, number or Boolean not under a property: dropped.
        case freeFloatingValue = "free-floating-value"
        /// A value object or node object that expands to nothing.
        case emptyValue = "dropped-value"
        /// A language tag that is not well formed (BCP 47): the literal is dropped from RDF.
        case invalidLanguage = "invalid-language"
    }

    public var kind: Kind
    /// The JSON pointer of the member in the document.
    public var pointer: String
    /// The key or value concerned.
    public var detail: String

    public var description: String { "\(kind.rawValue) at \(pointer.isEmpty ? "/" : pointer): \(detail)" }
}
