import CredconvJSON

/// Options of the JSON-LD algorithms (the subset of `JsonLdOptions` credconv uses).
public struct JSONLDOptions: Sendable {
    /// How `@direction` is carried into RDF (JSON-LD 1.1 API `rdfDirection`); nil drops it.
    public enum RDFDirection: String, Sendable {
        case i18nDatatype = "i18n-datatype"
        case compoundLiteral = "compound-literal"
    }

    /// The base IRI relative IRIs resolve against (the document's URL, usually); nil: none.
    public var base: String?
    /// Process as JSON-LD 1.0 (`processingMode: json-ld-1.0`).
    public var processingMode10 = false
    /// A context applied before the document's own (`expandContext`).
    public var expandContext: JSONValue?
    public var rdfDirection: RDFDirection?
    /// How many remote contexts one chain may load before `context overflow`.
    public var maxRemoteContexts = 32
    /// How deep objects may nest before expansion gives up (the parser caps depth too).
    public var maxDepth = 512

    public init(base: String? = nil) { self.base = base }
}
