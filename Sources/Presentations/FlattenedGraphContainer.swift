import CredconvJSON
import CredentialModel
import FormatInterface

/// A JSON-LD document in flattened form (`{"@context": …, "@graph": [nodes]}`, as some EDC tools and
/// JSON-LD processors emit ELM v3): each credential node of the graph, with the nodes it refers to
/// embedded where it refers to them, is a record in the usual tree form. A reference is an object with
/// only an `id` (or `@id`), or a string that is the id of a node of the graph; a node already being
/// embedded is not embedded again inside itself (cycles stay references).
public struct FlattenedGraphContainer: CredentialContainer {
    public init() {}

    public var kind: String { "flattened JSON-LD graph" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        guard case .json(.object(let root)) = document, case .array(let graph)? = root["@graph"] else { return nil }
        var nodes: [String: JSONObject] = [:]
        var credentials: [JSONObject] = []
        for case .object(let node) in graph {
            if let id = Self.id(of: node) { nodes[id] = node }
            if (node["type"].map(JSONValue.strings) ?? node["@type"].map(JSONValue.strings) ?? []).contains("VerifiableCredential") {
                credentials.append(node)
            }
        }
        guard !credentials.isEmpty else { return nil }
        let records = credentials.map { credential -> [UInt8] in
            var visiting: Set<String> = []
            if let id = Self.id(of: credential) { visiting.insert(id) }
            guard case .object(var tree) = Self.embedding(.object(credential), nodes: nodes, visiting: visiting) else { return [] }
            if let context = root["@context"], tree["@context"] == nil {
                var withContext = JSONObject()
                withContext.set("@context", context)
                for m in tree { withContext.set(m.key, m.value) }
                tree = withContext
            }
            return JSONWriter(style: .compact).bytes(.object(tree))
        }
        return UnwrappedCredentials(records: records)
    }

    static func id(of node: JSONObject) -> String? { node["id"]?.stringValue ?? node["@id"]?.stringValue }

    static let structural: Set<String> = ["id", "@id", "type", "@type", "@context"]

    static func embedding(_ value: JSONValue, nodes: [String: JSONObject], visiting: Set<String>) -> JSONValue {
        switch value {
        case .object(let o):
            if o.count == 1, let id = id(of: o), let node = nodes[id], !visiting.contains(id) {
                return embedding(.object(node), nodes: nodes, visiting: visiting.union([id]))
            }
            var out = JSONObject()
            for m in o {
                out.set(m.key, structural.contains(m.key) ? m.value : member(m.value, nodes: nodes, visiting: visiting))
            }
            return .object(out)
        case .array(let a):
            return .array(a.map { embedding($0, nodes: nodes, visiting: visiting) })
        default:
            return value
        }
    }

    /// A member's value: a string naming a node of the graph is that node.
    static func member(_ value: JSONValue, nodes: [String: JSONObject], visiting: Set<String>) -> JSONValue {
        switch value {
        case .string(let s):
            if let node = nodes[s], !visiting.contains(s), node.count > 1 {
                return embedding(.object(node), nodes: nodes, visiting: visiting.union([s]))
            }
            return value
        case .array(let a):
            return .array(a.map { member($0, nodes: nodes, visiting: visiting) })
        default:
            return embedding(value, nodes: nodes, visiting: visiting)
        }
    }
}
