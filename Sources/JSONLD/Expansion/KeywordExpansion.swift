import CredconvJSON

/// Step 13.4 of the Expansion algorithm: members whose key is (an alias of) a keyword.
extension JSONLDWorker {
    func expandKeywordMember(
        _ keyword: String, _ value: JSONValue, into result: inout JSONObject, active: ActiveContext,
        typeScopedContext: ActiveContext, activeProperty: String?, inputType: String?, baseURL: String?, path: MemberPath
    ) throws(JSONLDError) {
        let at = pointerText(path)
        var expandedValue: JSONValue?
        switch keyword {
        case "@id":
            guard case .string(let id) = value else { throw JSONLDError("invalid @id value", "@id must be a string", pointer: at) }
            guard let expanded = expandIRI(id, active, documentRelative: true) else {
                result.set("@id", .null)
                return
            }
            if !IRI.isAbsolute(expanded), !IRI.isBlankNode(expanded) {
                note(.relativeIdentifier, path, "@id \"\(id)\" stays a relative IRI, so RDF (and a proof) leaves the node out")
            }
            expandedValue = .string(expanded)
        case "@type":
            let items: [JSONValue]
            switch value {
            case .string: items = [value]
            case .array(let array) where array.allSatisfy({ $0.stringValue != nil }): items = array
            default: throw JSONLDError("invalid type value", "@type must be a string or an array of strings", pointer: at)
            }
            var types: [JSONValue] = []
            for (i, item) in items.enumerated() {
                let type = item.stringValue!
                guard let expanded = expandIRI(type, typeScopedContext, documentRelative: true, vocab: true) else { continue }
                if !IRI.isAbsolute(expanded), !IRI.isBlankNode(expanded), !Keyword.isKeyword(expanded) {
                    note(.relativeType, value.arrayValue == nil ? path : path.appending(i),
                         "type \"\(type)\" is not defined by the context and stays a relative IRI, so RDF (and a proof) drops it")
                }
                types.append(.string(expanded))
            }
            if let existing = result["@type"] {
                expandedValue = .array(asArray(existing) + types)
            } else {
                expandedValue = value.arrayValue == nil && types.count == 1 ? types[0] : .array(types)
            }
        case "@graph":
            expandedValue = .array(asArray(try expand(active, "@graph", value, baseURL: baseURL, path: path) ?? .array([])))
        case "@included":
            if active.processingMode10 { return }
            let included = asArray(try expand(active, "@included", value, baseURL: baseURL, path: path) ?? .array([]))
            for item in included where item.objectValue == nil || isValueObject(item) || isListObject(item) {
                throw JSONLDError("invalid @included value", "@included must hold node objects", pointer: at)
            }
            expandedValue = .array((result["@included"].map(asArray) ?? []) + included)
        case "@value":
            if inputType == "@json" {
                if active.processingMode10 { throw JSONLDError("invalid value object value", "@json is JSON-LD 1.1", pointer: at) }
                expandedValue = value
            } else {
                switch value {
                case .array, .object: throw JSONLDError("invalid value object value", "@value must be a string, number, Boolean or null", pointer: at)
                case .null:
                    result.set("@value", .null)
                    return
                default: expandedValue = value
                }
            }
        case "@language":
            guard case .string(let language) = value else { throw JSONLDError("invalid language-tagged string", "@language must be a string", pointer: at) }
            if !LanguageTag.isWellFormed(language) {
                note(.invalidLanguage, path, "\"\(language)\" is not a well-formed language tag, so RDF drops the string")
            }
            expandedValue = .string(language.lowercased())
        case "@direction":
            if active.processingMode10 { return }
            guard case .string(let direction) = value, direction == "ltr" || direction == "rtl" else {
                throw JSONLDError("invalid base direction", "@direction must be \"ltr\" or \"rtl\"", pointer: at)
            }
            expandedValue = value
        case "@index":
            guard case .string = value else { throw JSONLDError("invalid @index value", "@index must be a string", pointer: at) }
            expandedValue = value
        case "@list":
            if activeProperty == nil || activeProperty == "@graph" { return }
            expandedValue = .array(asArray(try expand(active, activeProperty, value, baseURL: baseURL, path: path) ?? .array([])))
        case "@set":
            expandedValue = try expand(active, activeProperty, value, baseURL: baseURL, path: path)
        case "@reverse":
            guard case .object = value else { throw JSONLDError("invalid @reverse value", "@reverse must be an object", pointer: at) }
            guard case .object(let reversed)? = try expand(active, "@reverse", value, baseURL: baseURL, path: path) else { return }
            if case .object(let doubleReversed)? = reversed["@reverse"] {
                for member in doubleReversed { append(member.value, to: member.key, in: &result) }
            }
            let others = reversed.members.filter { $0.key != "@reverse" }
            if !others.isEmpty {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for member in others {
                    for item in asArray(member.value) {
                        if isValueObject(item) || isListObject(item) {
                            throw JSONLDError("invalid reverse property value", "a reverse property cannot hold a value or a list", pointer: at)
                        }
                        append(item, to: member.key, in: &reverseMap)
                    }
                }
                result.set("@reverse", .object(reverseMap))
            }
            return
        default:
            // @default, @embed, @explicit, … are framing keywords: ignored when expanding.
            return
        }
        if let expandedValue {
            result.set(keyword, expandedValue)
        }
    }
}

/// BCP 47 well-formedness, as far as JSON-LD's toRdf needs it (`[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`).
enum LanguageTag {
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
