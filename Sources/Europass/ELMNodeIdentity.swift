import CredentialModel

/// One identifier, one node, in Europass XML output: ids minted for nodes avoid every id the kept source
/// XML holds, and an element whose `id` an earlier, different element already has gets a minted id.
enum ELMNodeIdentity {
    /// The values of every `id="…"` attribute in kept, serialised XML.
    static func idAttributes(inKept fragments: [String]) -> Set<String> {
        var ids: Set<String> = []
        for xml in fragments {
            var rest = Substring(xml)
            while let found = rest.firstRange(of: " id=\"") {
                let value = rest[found.upperBound...].prefix { $0 != "\"" }
                ids.insert(unescaped(String(value)))
                rest = rest[found.upperBound...].dropFirst(value.count)
            }
        }
        return ids
    }

    /// The tree with one element per id. Identical repetitions stay; a different element under an id
    /// already used gets a minted id of its element's kind, and `renamed` is told.
    static func distinctNodes(_ root: ELMNode, mint: (String) -> String, renamed: (String, String) -> Void) -> ELMNode {
        /// The first element seen under each id, as written (its children already distinct).
        var first: [String: ELMNode] = [:]
        // In place, children first: rebuilding the tree copied every node of it.
        func visit(_ node: inout ELMNode) {
            for i in node.children.indices { visit(&node.children[i]) }
            guard node.raw == nil, let i = node.attributes.firstIndex(where: { $0.name == "id" && $0.prefix == nil }) else { return }
            let id = node.attributes[i].value
            guard let earlier = first[id] else {
                first[id] = node
                return
            }
            if sameContent(earlier, node) { return }
            let fresh = mint(kinds[node.name] ?? node.name)
            renamed(id, fresh)
            node.attributes[i].value = fresh
            first[fresh] = node
        }
        var tree = root
        visit(&tree)
        return tree
    }

    /// True when two elements would be written alike: name, attributes in order, text, kept XML and
    /// children, all the way down.
    static func sameContent(_ a: ELMNode, _ b: ELMNode) -> Bool {
        a.name == b.name && a.prefix == b.prefix && a.text == b.text && a.raw == b.raw
            && a.attributes.count == b.attributes.count
            && zip(a.attributes, b.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value && $0.prefix == $1.prefix }
            && a.children.count == b.children.count && zip(a.children, b.children).allSatisfy(sameContent)
    }

    /// The kind in a minted id, for elements not named after their kind.
    static let kinds = ["wasDerivedFrom": "assessment", "wasAwardedBy": "awardingProcess", "hasPart": "learningAchievement"]

    static func unescaped(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, ch) in [("&quot;", "\""), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingAll(entity, with: ch)
        }
        return out
    }
}
