import CredconvJSON

/// The Node Map Generation algorithm (JSON-LD 1.1 API, section 7.2.2), as the RDF conversion needs it:
/// every node of every graph, its properties and their values, with blank nodes relabelled.
final class NodeMap {
    /// A node: its types, and its properties with their values (value objects, node references, lists).
    final class Node {
        var types: [String] = []
        var properties: [String: [JSONValue]] = [:]
        var index: String?
    }

    /// Graph name ("@default" for the default graph) → node identifier → node.
    var graphs: [String: [String: Node]] = ["@default": [:]]
    let blankNodes: BlankNodeLabeller

    init(blankNodes: BlankNodeLabeller) { self.blankNodes = blankNodes }

    private func node(_ id: String, in graph: String) -> Node {
        if let existing = graphs[graph]?[id] { return existing }
        let created = Node()
        graphs[graph, default: [:]][id] = created
        return created
    }

    /// The subject a value is being added to: a node and property, or a reverse reference.
    enum Subject {
        case none
        case property(node: String, property: String)
        case reverse(referencedNode: String, property: String)
    }

    func add(_ element: JSONValue, graph: String, subject: Subject, list: inout [JSONValue]?) throws(JSONLDError) {
        if case .array(let items) = element {
            for item in items { try add(item, graph: graph, subject: subject, list: &list) }
            return
        }
        guard case .object(var object) = element else { return }
        if object["@value"] != nil {
            if list != nil {
                list!.append(element)
            } else if case .property(let id, let property) = subject {
                let target = node(id, in: graph)
                if !(target.properties[property]?.contains(element) ?? false) { target.properties[property, default: []].append(element) }
            }
            return
        }
        if let items = object["@list"] {
            var inner: [JSONValue]? = []
            try add(items, graph: graph, subject: subject, list: &inner)
            let listObject = JSONValue.object(JSONObject(uniqueMembers: [.init(key: "@list", value: .array(inner ?? []))]))
            if list != nil {
                list!.append(listObject)
            } else if case .property(let id, let property) = subject {
                node(id, in: graph).properties[property, default: []].append(listObject)
            }
            return
        }
        let id: String
        let givenID = object.remove("@id")
        if givenID == .null {
            // An @id that expanded to null (a keyword-like IRI): the node cannot be named, so it is left out.
            return
        }
        if case .string(let given)? = givenID {
            id = IRI.isBlankNode(given) ? blankNodes.label(for: given) : given
        } else {
            id = blankNodes.fresh()
        }
        let current = node(id, in: graph)
        let reference = JSONValue.object(JSONObject(uniqueMembers: [.init(key: "@id", value: .string(id))]))
        switch subject {
        case .reverse(let referenced, let property):
            let referencedValue = JSONValue.object(JSONObject(uniqueMembers: [.init(key: "@id", value: .string(referenced))]))
            if !(current.properties[property]?.contains(referencedValue) ?? false) { current.properties[property, default: []].append(referencedValue) }
        case .property(let subjectID, let property):
            if list != nil {
                list!.append(reference)
            } else {
                let target = node(subjectID, in: graph)
                if !(target.properties[property]?.contains(reference) ?? false) { target.properties[property, default: []].append(reference) }
            }
        case .none:
            break
        }
        if let types = object.remove("@type") {
            for case .string(let type) in (types.arrayValue ?? [types]) {
                let label = IRI.isBlankNode(type) ? blankNodes.label(for: type) : type
                if !current.types.contains(label) { current.types.append(label) }
            }
        }
        if case .string(let index)? = object.remove("@index") {
            if let existing = current.index, existing != index {
                throw JSONLDError("conflicting indexes", "node \(id) has two @index values")
            }
            current.index = index
        }
        if case .object(let reverseMap)? = object.remove("@reverse") {
            for member in reverseMap {
                var noList: [JSONValue]? = nil
                for value in member.value.arrayValue ?? [member.value] {
                    try add(value, graph: graph, subject: .reverse(referencedNode: id, property: member.key), list: &noList)
                }
            }
        }
        if let graphValue = object.remove("@graph") {
            if graphs[id] == nil { graphs[id] = [:] }
            var noList: [JSONValue]? = nil
            try add(graphValue, graph: id, subject: .none, list: &noList)
        }
        if let included = object.remove("@included") {
            var noList: [JSONValue]? = nil
            try add(included, graph: graph, subject: .none, list: &noList)
        }
        for member in object.members.sorted(by: { $0.key < $1.key }) {
            let property = member.key
            let value = member.value
            let name = IRI.isBlankNode(property) ? blankNodes.label(for: property) : property
            if current.properties[name] == nil { current.properties[name] = [] }
            var noList: [JSONValue]? = nil
            try add(value, graph: graph, subject: .property(node: id, property: name), list: &noList)
        }
    }
}

/// Issues `_:b0`, `_:b1`, … and maps the document's blank node labels onto them.
final class BlankNodeLabeller {
    private var issued: [String: String] = [:]
    private var counter = 0

    func fresh() -> String {
        defer { counter += 1 }
        return "_:b\(counter)"
    }

    func label(for existing: String) -> String {
        if let label = issued[existing] { return label }
        let label = fresh()
        issued[existing] = label
        return label
    }
}
