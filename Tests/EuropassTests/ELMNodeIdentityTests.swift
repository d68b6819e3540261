@testable import Europass
import Testing

/// One id, one node: a second, different element under an id already written gets a minted id; an
/// identical repetition keeps it; children are made distinct before their parents are compared.
@Suite("Europass XML: one element per id")
struct ELMNodeIdentityTests {
    static func organization(_ id: String, _ name: String) -> ELMNode {
        var node = ELMNode("organization")
        node.attribute("id", id)
        node.add(ELMNode("legalIdentifier", text: name))
        return node
    }

    @Test func aDifferentElementUnderAnUsedIdIsRenamedAndTheSameOneIsKept() {
        var root = ELMNode("europassCredential")
        var references = ELMNode("agentReferences")
        references.add([Self.organization("org-1", "A"), Self.organization("org-1", "A"), Self.organization("org-1", "B")])
        // Nested: the inner duplicate is renamed first, so the two parents then differ.
        var outer1 = ELMNode("group"), outer2 = ELMNode("group")
        outer1.attribute("id", "g")
        outer2.attribute("id", "g")
        outer1.add(Self.organization("org-2", "C"))
        outer2.add(Self.organization("org-2", "D"))
        root.add([references, outer1, outer2])
        var minted = 0
        var renames: [(String, String)] = []
        let distinct = ELMNodeIdentity.distinctNodes(root, mint: { kind in minted += 1; return "urn:epass:\(kind):\(minted)" }) { renames.append(($0, $1)) }

        let ids = distinct.children[0].children.map { $0.attributes[0].value }
        #expect(ids == ["org-1", "org-1", "urn:epass:organization:1"])
        #expect(distinct.children[1].children[0].attributes[0].value == "org-2")
        #expect(distinct.children[2].children[0].attributes[0].value == "urn:epass:organization:2")
        #expect(distinct.children[2].attributes[0].value == "urn:epass:group:3")
        #expect(renames.map { "\($0.0)->\($0.1)" } == ["org-1->urn:epass:organization:1", "org-2->urn:epass:organization:2", "g->urn:epass:group:3"])
        // The input tree is a value: it is left as it was.
        #expect(root.children[0].children.map { $0.attributes[0].value } == ["org-1", "org-1", "org-1"])
    }
}
