import CredconvJSON
import RDFCanonicalization

/// JSON-LD 1.1 processing (expansion, conversion to RDF) with an offline document loader.
///
/// ```swift
/// let processor = JSONLDProcessor(loader: OfflineDocumentLoader.embedded)
/// let quads = try processor.toRDF(credentialJSON)
/// ```
public struct JSONLDProcessor: Sendable {
    public let loader: any DocumentLoader
    public let options: JSONLDOptions
    /// Processed contexts, reused by every document this processor (and its copies) handles.
    let contextCache = ContextCache()

    public init(loader: any DocumentLoader = OfflineDocumentLoader.embedded, options: JSONLDOptions = JSONLDOptions()) {
        self.loader = loader
        self.options = options
    }

    /// The expanded form of `document` (always an array of node objects).
    public func expand(_ document: JSONValue) throws(JSONLDError) -> JSONValue {
        try expandWithFindings(document).expanded
    }

    /// The expanded form and what expansion dropped or left relative on the way ("safe mode" findings).
    public func expandWithFindings(_ document: JSONValue) throws(JSONLDError) -> (expanded: JSONValue, findings: [ExpansionFinding]) {
        let worker = JSONLDWorker(options: options, loader: loader, contextCache: contextCache)
        let expanded = try worker.expandDocument(document)
        return (expanded, worker.findings)
    }

    /// The RDF dataset of `document` (the Deserialize JSON-LD to RDF algorithm over its expanded form).
    public func toRDF(_ document: JSONValue) throws(JSONLDError) -> [RDFQuad] {
        try toRDFWithFindings(document).quads
    }

    /// The RDF dataset and the expansion findings.
    public func toRDFWithFindings(_ document: JSONValue) throws(JSONLDError) -> (quads: [RDFQuad], findings: [ExpansionFinding]) {
        let worker = JSONLDWorker(options: options, loader: loader, contextCache: contextCache)
        let expanded = try worker.expandDocument(document)
        let quads = try RDFSerializer(rdfDirection: options.rdfDirection).quads(ofExpanded: expanded)
        return (quads, worker.findings)
    }
}

extension JSONLDWorker {
    /// The expansion of a whole document: the expand context first, then the document, then the
    /// top-level simplifications (a lone `@graph` unwrapped; always an array).
    func expandDocument(_ document: JSONValue) throws(JSONLDError) -> JSONValue {
        var active = ActiveContext(base: options.base, processingMode10: options.processingMode10)
        active.cacheID = contextCache.initialID(base: options.base, processingMode10: options.processingMode10)
        if let expandContext = options.expandContext {
            let context = expandContext.objectValue?["@context"] ?? expandContext
            active = try processContext(active, context, baseURL: options.base)
        }
        var expanded = try expand(active, nil, document, baseURL: options.base, path: .root) ?? .array([])
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        return .array(asArray(expanded))
    }
}
