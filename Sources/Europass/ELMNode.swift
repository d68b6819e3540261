import XMLSupport

/// An element being built for Europass XML output. The writer builds the whole tree first, because the
/// reference sections at the end of the document depend on everything the subject refers to, then
/// serialises it in schema order.
struct ELMNode {
    var name: String
    var prefix: String?
    var attributes: [(name: String, value: String, prefix: String?)] = []
    var children: [ELMNode] = []
    var text: String?
    /// Already-serialised XML kept from a Europass source.
    var raw: String?

    init(_ name: String, prefix: String? = nil, text: String? = nil) {
        self.name = name
        self.prefix = prefix
        self.text = text
    }

    static func raw(_ xml: String) -> ELMNode {
        var n = ELMNode("")
        n.raw = xml
        return n
    }

    mutating func attribute(_ name: String, _ value: String, prefix: String? = nil) {
        attributes.append((name, value, prefix))
    }

    mutating func add(_ child: ELMNode?) {
        if let child { children.append(child) }
    }

    mutating func add(_ children: [ELMNode]) {
        self.children.append(contentsOf: children)
    }

    /// True when this element or one below it is kept, already-serialised XML.
    var holdsRawXML: Bool {
        if raw != nil { return true }
        for i in children.indices where children[i].holdsRawXML { return true }
        return false
    }

    /// Writes this element (and its subtree) with `writer`.
    func write(to writer: inout XMLStreamWriter) {
        if let raw {
            writer.raw(raw)
            return
        }
        writer.startElement(name, prefix: prefix)
        for a in attributes { writer.attribute(a.name, a.value, prefix: a.prefix) }
        if let text { writer.text(text) }
        for child in children { child.write(to: &writer) }
        writer.endElement()
    }
}
