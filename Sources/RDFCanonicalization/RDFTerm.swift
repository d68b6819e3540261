/// An RDF term: an IRI, a blank node or a literal (RDF 1.1; a literal with a language is an
/// `rdf:langString`, and a base direction is kept for the JSON-LD i18n datatypes).
public enum RDFTerm: Sendable, Hashable {
    case iri(String)
    /// A blank node, by its label (without `_:`).
    case blank(String)
    case literal(String, datatype: String, language: String?)

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// A plain string literal.
    public static func string(_ value: String) -> RDFTerm { .literal(value, datatype: xsdString, language: nil) }

    /// The blank node label, when this is one.
    public var blankLabel: String? {
        if case .blank(let label) = self { return label }
        return nil
    }
}

/// One statement of a dataset: subject, predicate, object, and the graph it is in (nil: the default graph).
public struct RDFQuad: Sendable, Hashable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}
