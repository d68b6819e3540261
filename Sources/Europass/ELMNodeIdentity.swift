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
        var first: [String: String] = [:]
        /// The node with distinct ids below it, and its content as text (children's texts included).
        func visit(_ node: ELMNode) -> (ELMNode, String) {
            var out = node
            var childTexts: [String] = []
            out.children = node.children.map { child in
                let (c, text) = visit(child)
                childTexts.append(text)
                return c
            }
            func content() -> String {
                let attributes = out.attributes.map { "\($0.prefix ?? ""):\($0.name)=\($0.value)" }.joined(separator: "\u{1}")
                return "<\(out.prefix ?? ""):\(out.name) \(attributes)>\(out.raw ?? "")\(out.text ?? "")\(childTexts.joined(separator: "\u{2}"))</>"
            }
            guard out.raw == nil, let i = out.attributes.firstIndex(where: { $0.name == "id" && $0.prefix == nil }) else { return (out, content()) }
            let id = out.attributes[i].value
            let text = content()
            guard let earlier = first[id] else {
                first[id] = text
                return (out, text)
            }
            if earlier == text { return (out, text) }
            let fresh = mint(kinds[out.name] ?? out.name)
            renamed(id, fresh)
            out.attributes[i].value = fresh
            let renamedText = content()
            first[fresh] = renamedText
            return (out, renamedText)
        }
        return visit(root).0
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
