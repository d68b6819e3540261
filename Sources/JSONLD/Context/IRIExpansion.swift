import CredconvJSON

/// The IRI Expansion algorithm (JSON-LD 1.1 API, section 5.2.2).
extension JSONLDWorker {
    /// Expands `value` during context processing, defining terms of `localContext` on the way.
    func expandIRI(
        _ value: String, in active: inout ActiveContext, documentRelative: Bool = false, vocab: Bool = false,
        localContext: JSONObject?, defined: inout [String: Bool]
    ) throws(JSONLDError) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let localContext, localContext[value] != nil, defined[value] != true {
            try createTermDefinition(in: &active, localContext: localContext, term: value, defined: &defined, baseURL: nil)
        }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let localContext, localContext[prefix] != nil, defined[prefix] != true {
                try createTermDefinition(in: &active, localContext: localContext, term: prefix, defined: &defined, baseURL: nil)
            }
            if let definition = active.terms[prefix], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        return expandWithoutTerms(value, active: active, documentRelative: documentRelative, vocab: vocab)
    }

    /// Expands `value` against a finished context (no term creation): the form expansion uses.
    func expandIRI(_ value: String, _ active: ActiveContext, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = value[..<colon]
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = active.terms[String(prefix)], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        return expandWithoutTerms(value, active: active, documentRelative: documentRelative, vocab: vocab)
    }

    private func expandWithoutTerms(_ value: String, active: ActiveContext, documentRelative: Bool, vocab: Bool) -> String {
        if vocab, let mapping = active.vocabularyMapping { return mapping + value }
        if documentRelative, let base = active.baseIRI { return IRI.resolve(value, against: base) }
        return value
    }
}
