import CredconvJSON

/// One identifier, one node: the rules that keep an ELM v3 document's graph what its writer meant.
///
/// - Ids minted for nodes (`urn:epass:mediaObject:1`) never take an id that a node kept from the source
///   already has: ``reservedIds(in:)`` lists those before writing.
/// - A concept (or concept scheme) is written once per IRI in content: where the same IRI occurs several
///   times — written by credconv and kept from the source, or kept twice — every occurrence becomes the
///   same description, credconv's own first, completed by the members (and label languages) only the
///   others have. So the RDF carries one notation and one label per language for each concept, as the
///   EDC shapes require.
enum ELM3NodeIdentity {
    /// Every `id` string of every object inside the values.
    static func reservedIds(in values: [JSONValue]) -> Set<String> {
        var ids: Set<String> = []
        func walk(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if case .string(let id)? = o["id"] { ids.insert(id) }
                for m in o { walk(m.value) }
            case .array(let a): a.forEach(walk)
            default: break
            }
        }
        values.forEach(walk)
        return ids
    }

    static func isConcept(_ o: JSONObject) -> Bool {
        switch o["type"] {
        case .string(let t)?: return t == "Concept" || t == "ConceptScheme"
        default: return false
        }
    }

    /// The document with every concept IRI described one way. `written` holds credconv's own
    /// descriptions by IRI, which win over kept ones member by member.
    static func unifyingConcepts(_ document: JSONValue, written: [String: JSONObject]) -> JSONValue {
        var merged = written
        var order: [String] = []
        func collect(_ v: JSONValue) {
            switch v {
            case .object(let o):
                for m in o { collect(m.value) }
                guard isConcept(o), case .string(let id)? = o["id"] else { return }
                let described = merged[id].map { completed($0, with: o) } ?? o
                if merged[id] == nil { order.append(id) }
                merged[id] = described
            case .array(let a): a.forEach(collect)
            default: break
            }
        }
        collect(document)
        func replace(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let o):
                if isConcept(o), case .string(let id)? = o["id"], let one = merged[id] { return .object(one) }
                var out = JSONObject()
                for m in o { out.set(m.key, replace(m.value)) }
                return .object(out)
            case .array(let a): return .array(a.map(replace))
            default: return v
            }
        }
        return replace(document)
    }

    /// `base` with the members only `other` has; language maps gain only the languages they lack, and
    /// nested concepts (a scheme) are completed the same way.
    static func completed(_ base: JSONObject, with other: JSONObject) -> JSONObject {
        var out = base
        for m in other {
            guard let mine = out[m.key] else { out.set(m.key, m.value); continue }
            if case .object(let a) = mine, case .object(let b) = m.value {
                if isConcept(a) || isLanguageMap(a) && isLanguageMap(b) { out.set(m.key, .object(completed(a, with: b))) }
            }
        }
        return out
    }

    /// `{"en": "…", "de": "…"}`: every member a string.
    static func isLanguageMap(_ o: JSONObject) -> Bool {
        o.allSatisfy { if case .string = $0.value { return true } else { return false } }
    }

    /// The document with one node per id: a node (not a concept) whose id an earlier, different node
    /// already has gets a minted id (`mint` is given the node's type, lower-camel-cased) and `renamed`
    /// is told. Identical repetitions (an organisation as issuer and awarding body) stay as they are.
    static func distinctNodes(_ document: JSONValue, mint: (String) -> String, renamed: (String, String) -> Void) -> JSONValue {
        var first: [String: JSONObject] = [:]
        func visit(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let o):
                var out = JSONObject()
                for m in o { out.set(m.key, visit(m.value)) }
                guard !isConcept(out), out.count > 2, case .string(let id)? = out["id"], case .string(let type)? = out["type"] else { return .object(out) }
                guard let earlier = first[id] else {
                    first[id] = out
                    return .object(out)
                }
                if earlier == out { return .object(out) }
                let fresh = mint(type.prefix(1).lowercased() + type.dropFirst())
                renamed(id, fresh)
                out.set("id", .string(fresh))
                first[fresh] = out
                return .object(out)
            case .array(let a): return .array(a.map(visit))
            default: return v
            }
        }
        return visit(document)
    }
}
