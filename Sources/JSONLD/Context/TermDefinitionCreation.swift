import CredconvJSON

/// The Create Term Definition algorithm (JSON-LD 1.1 API, section 4.2.2).
extension JSONLDWorker {
    private static let allowedEntries: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    ]
    private static let genDelims: Set<Character> = [":", "/", "?", "#", "[", "]", "@"]

    func createTermDefinition(
        in active: inout ActiveContext, localContext: JSONObject, term: String, defined: inout [String: Bool],
        baseURL: String?, protected: Bool = false, overrideProtected: Bool = false, remoteContexts: [String] = [],
        validateScopedContext: Bool = true
    ) throws(JSONLDError) {
        if let state = defined[term] {
            if state { return }
            throw JSONLDError("cyclic IRI mapping", "the definition of \(term) depends on itself")
        }
        if term.isEmpty { throw JSONLDError("invalid term definition", "the empty string cannot be a term") }
        defined[term] = false
        let value = localContext[term] ?? .null
        if term == "@type" && !active.processingMode10 {
            guard case .object(let map) = value, !map.isEmpty,
                  map.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                  map["@container"].map({ $0 == .string("@set") }) ?? true
            else {
                throw JSONLDError("keyword redefinition", "@type may only be given @container: @set and @protected")
            }
        } else if Keyword.isKeyword(term) {
            throw JSONLDError("keyword redefinition", "\(term) is a keyword and cannot be redefined")
        } else if Keyword.hasKeywordForm(term) {
            defined[term] = true
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        let map: JSONObject
        var simpleTerm = false
        switch value {
        case .null: map = JSONObject(uniqueMembers: [.init(key: "@id", value: .null)])
        case .string: map = JSONObject(uniqueMembers: [.init(key: "@id", value: value)]); simpleTerm = true
        case .object(let object): map = object
        default: throw JSONLDError("invalid term definition", "the definition of \(term) must be a string, an object or null")
        }
        var definition = TermDefinition()
        if let protectedValue = map["@protected"] {
            if active.processingMode10 { throw JSONLDError("invalid term definition", "@protected is JSON-LD 1.1") }
            guard case .bool(let flag) = protectedValue else { throw JSONLDError("invalid @protected value", "@protected of \(term) must be a Boolean") }
            definition.isProtected = flag
        } else {
            definition.isProtected = protected
        }
        if let typeValue = map["@type"] {
            guard case .string(let type) = typeValue else { throw JSONLDError("invalid type mapping", "@type of \(term) must be a string") }
            let expanded = try expandIRI(type, in: &active, vocab: true, localContext: localContext, defined: &defined)
            guard let expanded else { throw JSONLDError("invalid type mapping", "@type of \(term) does not expand to an IRI") }
            if (expanded == "@json" || expanded == "@none") && active.processingMode10 {
                throw JSONLDError("invalid type mapping", "@type \(expanded) is JSON-LD 1.1")
            }
            guard ["@id", "@vocab", "@json", "@none"].contains(expanded) || (IRI.isAbsolute(expanded) && !IRI.isBlankNode(expanded)) else {
                throw JSONLDError("invalid type mapping", "@type \(type) of \(term) is not @id, @vocab, @json, @none or an absolute IRI")
            }
            definition.typeMapping = expanded
        }
        if let reverseValue = map["@reverse"] {
            if map["@id"] != nil || map["@nest"] != nil {
                throw JSONLDError("invalid reverse property", "\(term) has @reverse together with @id or @nest")
            }
            guard case .string(let reverse) = reverseValue else { throw JSONLDError("invalid IRI mapping", "@reverse of \(term) must be a string") }
            if Keyword.hasKeywordForm(reverse) {
                defined[term] = true
                return
            }
            let expanded = try expandIRI(reverse, in: &active, vocab: true, localContext: localContext, defined: &defined)
            guard let expanded, IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded) else {
                throw JSONLDError("invalid IRI mapping", "@reverse of \(term) does not expand to an IRI")
            }
            definition.iri = expanded
            if let containerValue = map["@container"] {
                guard containerValue == .null || containerValue == .string("@set") || containerValue == .string("@index") else {
                    throw JSONLDError("invalid reverse property", "the container of reverse property \(term) must be @set or @index")
                }
                if case .string(let c) = containerValue { definition.container = [c] }
            }
            if case .string(let index)? = map["@index"], definition.container.contains("@index") {
                definition.index = index
            }
            definition.isReverse = true
            try finish(term, definition, previous: previous, overrideProtected: overrideProtected, in: &active, defined: &defined)
            return
        }
        if let idValue = map["@id"], idValue != .string(term) {
            switch idValue {
            case .null:
                definition.iri = nil
            case .string(let id):
                if !Keyword.isKeyword(id) && Keyword.hasKeywordForm(id) {
                    defined[term] = true
                    return
                }
                let expanded = try expandIRI(id, in: &active, vocab: true, localContext: localContext, defined: &defined)
                guard let expanded, Keyword.isKeyword(expanded) || IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded) else {
                    throw JSONLDError("invalid IRI mapping", "@id \(id) of \(term) does not expand to an IRI, a blank node or a keyword")
                }
                if expanded == "@context" { throw JSONLDError("invalid keyword alias", "@context cannot be aliased (\(term))") }
                definition.iri = expanded
                let colon = term.dropFirst().dropLast().hasASCII(":")
                if colon || term.hasASCII("/") {
                    defined[term] = true
                    let own = try expandIRI(term, in: &active, vocab: true, localContext: localContext, defined: &defined)
                    guard own == expanded else {
                        throw JSONLDError("invalid IRI mapping", "term \(term) looks like an IRI but is mapped to another one, \(expanded)")
                    }
                }
                if !term.hasASCII(":") && !term.hasASCII("/") && simpleTerm,
                   let last = expanded.last, Self.genDelims.contains(last) || IRI.isBlankNode(expanded) {
                    definition.isPrefix = true
                }
            default:
                throw JSONLDError("invalid IRI mapping", "@id of \(term) must be a string or null")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if localContext[prefix] != nil {
                try createTermDefinition(in: &active, localContext: localContext, term: prefix, defined: &defined, baseURL: baseURL,
                                         protected: protected, overrideProtected: overrideProtected, remoteContexts: remoteContexts)
            }
            if let prefixDefinition = active.terms[prefix], let prefixIRI = prefixDefinition.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.hasASCII("/") {
            guard let expanded = expandIRI(term, active, vocab: true), IRI.isAbsolute(expanded) else {
                throw JSONLDError("invalid IRI mapping", "term \(term) is a relative IRI that does not resolve")
            }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocab = active.vocabularyMapping {
            definition.iri = vocab + term
        } else {
            throw JSONLDError("invalid IRI mapping", "term \(term) has no @id and the context has no @vocab")
        }
        if let containerValue = map["@container"] {
            definition.container = try containerMapping(containerValue, term: term, processingMode10: active.processingMode10)
            if definition.container.contains("@type") {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw JSONLDError("invalid type mapping", "a @type container needs @type @id or @vocab (\(term))")
                }
            }
        }
        if let indexValue = map["@index"] {
            if active.processingMode10 || !definition.container.contains("@index") {
                throw JSONLDError("invalid term definition", "@index on \(term) needs an @index container (JSON-LD 1.1)")
            }
            guard case .string(let index) = indexValue,
                  let expanded = try expandIRI(index, in: &active, vocab: true, localContext: localContext, defined: &defined),
                  IRI.isAbsolute(expanded)
            else {
                throw JSONLDError("invalid term definition", "@index of \(term) must expand to an IRI")
            }
            definition.index = index
        }
        if let contextValue = map["@context"] {
            if active.processingMode10 { throw JSONLDError("invalid term definition", "scoped contexts are JSON-LD 1.1 (\(term))") }
            do {
                _ = try processContext(active, contextValue, baseURL: baseURL, remoteContexts: remoteContexts,
                                       overrideProtected: true, validateScopedContext: false)
            } catch {
                throw JSONLDError("invalid scoped context", "the scoped context of \(term): \(error.description)")
            }
            definition.localContext = contextValue
            definition.localContextKey = JSONWriter(style: .compact).string(contextValue)
            definition.baseURL = baseURL
        }
        if let languageValue = map["@language"], map["@type"] == nil {
            switch languageValue {
            case .null: definition.language = .null
            case .string(let language): definition.language = .value(language.lowercased())
            default: throw JSONLDError("invalid language mapping", "@language of \(term) must be a string or null")
            }
        }
        if let directionValue = map["@direction"], map["@type"] == nil {
            switch directionValue {
            case .null: definition.direction = .null
            case .string(let d) where d == "ltr" || d == "rtl": definition.direction = .value(d)
            default: throw JSONLDError("invalid base direction", "@direction of \(term) must be \"ltr\", \"rtl\" or null")
            }
        }
        if let nestValue = map["@nest"] {
            if active.processingMode10 { throw JSONLDError("invalid term definition", "@nest is JSON-LD 1.1 (\(term))") }
            guard case .string(let nest) = nestValue, !Keyword.isKeyword(nest) || nest == "@nest" else {
                throw JSONLDError("invalid @nest value", "@nest of \(term) must be a term or @nest")
            }
            definition.nest = nest
        }
        if let prefixValue = map["@prefix"] {
            if active.processingMode10 || term.hasASCII(":") || term.hasASCII("/") {
                throw JSONLDError("invalid term definition", "@prefix is not allowed on \(term)")
            }
            guard case .bool(let flag) = prefixValue else { throw JSONLDError("invalid @prefix value", "@prefix of \(term) must be a Boolean") }
            if flag, let iri = definition.iri, Keyword.isKeyword(iri) {
                throw JSONLDError("invalid term definition", "a keyword alias cannot be a prefix (\(term))")
            }
            definition.isPrefix = flag
        }
        for key in map.keys where !Self.allowedEntries.contains(key) {
            throw JSONLDError("invalid term definition", "\(term) has an unknown entry \(key)")
        }
        try finish(term, definition, previous: previous, overrideProtected: overrideProtected, in: &active, defined: &defined)
    }

    private func finish(
        _ term: String, _ definition: TermDefinition, previous: TermDefinition?, overrideProtected: Bool,
        in active: inout ActiveContext, defined: inout [String: Bool]
    ) throws(JSONLDError) {
        var definition = definition
        if !overrideProtected, let previous, previous.isProtected {
            guard definition.isSameDefinition(as: previous) else {
                throw JSONLDError("protected term redefinition", "\(term) is protected and cannot be redefined")
            }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    private func containerMapping(_ value: JSONValue, term: String, processingMode10: Bool) throws(JSONLDError) -> Set<String> {
        let items: [JSONValue]
        if case .array(let array) = value {
            if processingMode10 { throw JSONLDError("invalid container mapping", "a container array is JSON-LD 1.1 (\(term))") }
            items = array
        } else {
            items = [value]
        }
        var set: Set<String> = []
        for item in items {
            guard case .string(let s) = item else { throw JSONLDError("invalid container mapping", "the container of \(term) must be keywords") }
            set.insert(s)
        }
        guard set.count == items.count else { throw JSONLDError("invalid container mapping", "the container of \(term) repeats an entry") }
        let valid: Bool
        let known: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        if !set.isSubset(of: known) {
            valid = false
        } else if set.count == 1 {
            valid = true
        } else if set.contains("@list") {
            valid = false
        } else if set.contains("@graph") {
            valid = set.subtracting(["@graph", "@set"]).isSubset(of: ["@id", "@index"]) && !set.isSuperset(of: ["@id", "@index"])
        } else {
            valid = set.contains("@set") && set.count == 2
        }
        guard valid, !set.isEmpty else { throw JSONLDError("invalid container mapping", "the container of \(term) is not a valid combination") }
        if processingMode10, set.contains("@graph") || set.contains("@id") || set.contains("@type") {
            throw JSONLDError("invalid container mapping", "container \(set.sorted()) is JSON-LD 1.1 (\(term))")
        }
        return set
    }
}
