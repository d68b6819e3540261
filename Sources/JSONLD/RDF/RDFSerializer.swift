import CredconvJSON
import RDFCanonicalization

/// The Deserialize JSON-LD to RDF algorithm (JSON-LD 1.1 API, section 8.1.2) with Object to RDF and
/// List to RDF: an expanded document becomes quads. Nodes, properties and types that are not
/// well-formed IRIs or blank nodes are left out, as the algorithm says.
struct RDFSerializer {
    var rdfDirection: JSONLDOptions.RDFDirection?

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    func quads(ofExpanded expanded: JSONValue) throws(JSONLDError) -> [RDFQuad] {
        let labeller = BlankNodeLabeller()
        let nodeMap = NodeMap(blankNodes: labeller)
        var noList: [JSONValue]? = nil
        try nodeMap.add(expanded, graph: "@default", subject: .none, list: &noList)
        var quads: [RDFQuad] = []
        for graphName in nodeMap.graphs.keys.sorted() {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = Self.resource(graphName) {
                graphTerm = term
            } else {
                continue
            }
            let graph = nodeMap.graphs[graphName]!
            for subject in graph.keys.sorted() {
                guard let subjectTerm = Self.resource(subject) else { continue }
                let node = graph[subject]!
                for type in node.types {
                    if let typeTerm = Self.resource(type) {
                        quads.append(RDFQuad(subjectTerm, .iri(Self.rdf + "type"), typeTerm, graph: graphTerm))
                    }
                }
                for property in node.properties.keys.sorted() {
                    guard !Keyword.isKeyword(property), !IRI.isBlankNode(property), IRI.isWellFormed(property) else { continue }
                    for item in node.properties[property]! {
                        var listTriples: [(RDFTerm, RDFTerm, RDFTerm)] = []
                        if let object = objectTerm(item, labeller: labeller, triples: &listTriples) {
                            quads.append(RDFQuad(subjectTerm, .iri(property), object, graph: graphTerm))
                        }
                        for (s, p, o) in listTriples { quads.append(RDFQuad(s, p, o, graph: graphTerm)) }
                    }
                }
            }
        }
        return quads
    }

    /// An IRI or blank node term, or nil when `id` is neither a well-formed IRI nor a blank node.
    static func resource(_ id: String) -> RDFTerm? {
        if IRI.isBlankNode(id) { return .blank(String(id.dropFirst(2))) }
        return IRI.isWellFormed(id) ? .iri(id) : nil
    }

    private func objectTerm(_ item: JSONValue, labeller: BlankNodeLabeller, triples: inout [(RDFTerm, RDFTerm, RDFTerm)]) -> RDFTerm? {
        guard case .object(let object) = item else { return nil }
        if let id = object["@id"]?.stringValue, object["@value"] == nil {
            return Self.resource(id)
        }
        if case .array(let items)? = object["@list"] {
            return listTerm(items, labeller: labeller, triples: &triples)
        }
        guard let value = object["@value"] else { return nil }
        var datatype = object["@type"]?.stringValue
        if let datatype, datatype != "@json", !IRI.isWellFormed(datatype) { return nil }
        let language = object["@language"]?.stringValue
        if let language, !LanguageTag.isWellFormed(language) { return nil }
        var lexical: String
        if datatype == "@json" {
            guard let bytes = try? JSONCanonicalization.bytes(value) else { return nil }
            lexical = String(decoding: bytes, as: UTF8.self)
            datatype = Self.rdf + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                datatype = datatype ?? Self.xsd + "boolean"
            case .number(let text):
                let number = Double(text) ?? 0
                if datatype == Self.xsd + "double" || number.rounded(.towardZero) != number || abs(number) >= 1e21 {
                    lexical = CanonicalNumber.double(number)
                    datatype = datatype ?? Self.xsd + "double"
                } else {
                    lexical = CanonicalNumber.integer(text, number)
                    datatype = datatype ?? Self.xsd + "integer"
                }
            case .string(let s):
                lexical = s
                datatype = datatype ?? (language != nil ? RDFTerm.langString : RDFTerm.xsdString)
            default:
                return nil
            }
        }
        if let direction = object["@direction"]?.stringValue, let rdfDirection {
            switch rdfDirection {
            case .i18nDatatype:
                return .literal(lexical, datatype: "https://www.w3.org/ns/i18n#\(language?.lowercased() ?? "")_\(direction)", language: nil)
            case .compoundLiteral:
                let node = RDFTerm.blank(String(labeller.fresh().dropFirst(2)))
                triples.append((node, .iri(Self.rdf + "value"), .string(lexical)))
                if let language { triples.append((node, .iri(Self.rdf + "language"), .string(language.lowercased()))) }
                triples.append((node, .iri(Self.rdf + "direction"), .string(direction)))
                return node
            }
        }
        return .literal(lexical, datatype: datatype!, language: datatype == RDFTerm.langString ? language : nil)
    }

    private func listTerm(_ items: [JSONValue], labeller: BlankNodeLabeller, triples: inout [(RDFTerm, RDFTerm, RDFTerm)]) -> RDFTerm {
        guard !items.isEmpty else { return .iri(Self.rdf + "nil") }
        let nodes = items.map { _ in RDFTerm.blank(String(labeller.fresh().dropFirst(2))) }
        for (i, item) in items.enumerated() {
            var nested: [(RDFTerm, RDFTerm, RDFTerm)] = []
            if let object = objectTerm(item, labeller: labeller, triples: &nested) {
                triples.append((nodes[i], .iri(Self.rdf + "first"), object))
            }
            triples.append(contentsOf: nested)
            triples.append((nodes[i], .iri(Self.rdf + "rest"), i + 1 < nodes.count ? nodes[i + 1] : .iri(Self.rdf + "nil")))
        }
        return nodes[0]
    }
}
