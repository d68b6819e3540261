import CredconvJSON

/// Steps 13 and 14 of the Expansion algorithm: each member of a node or value object, then `@nest`ed ones.
extension JSONLDWorker {
    func expandMembers(
        of element: JSONObject, into result: inout JSONObject, active: ActiveContext, typeScopedContext: ActiveContext,
        activeProperty: String?, inputType: String?, baseURL: String?, path: MemberPath
    ) throws(JSONLDError) {
        var nests: [String] = []
        // Members in document order: the result does not depend on it (the API's `ordered` is false).
        for member in element.members {
            let key = member.key
            guard key != "@context" else { continue }
            let value = member.value
            let memberPath = path.appending(key)
            guard let expandedProperty = expandIRI(key, active, vocab: true),
                  Keyword.isKeyword(expandedProperty) || expandedProperty.hasASCII(":")
            else {
                note(.undefinedTerm, memberPath, "\"\(key)\" is not defined by the context, so it is dropped")
                continue
            }
            if Keyword.isKeyword(expandedProperty) {
                if activeProperty == "@reverse" {
                    throw JSONLDError("invalid reverse property map", "a keyword cannot be a reverse property (\(key))", pointer: pointerText(memberPath))
                }
                if result[expandedProperty] != nil && expandedProperty != "@included" && expandedProperty != "@type" {
                    throw JSONLDError("colliding keywords", "\(expandedProperty) appears twice (through \(key))", pointer: pointerText(memberPath))
                }
                if expandedProperty == "@nest" {
                    nests.append(key)
                    continue
                }
                try expandKeywordMember(
                    expandedProperty, value, into: &result, active: active, typeScopedContext: typeScopedContext,
                    activeProperty: activeProperty, inputType: inputType, baseURL: baseURL, path: memberPath)
                continue
            }
            let definition = active.terms[key]
            let container = definition?.container ?? []
            var expandedValue: JSONValue?
            if definition?.typeMapping == "@json" {
                expandedValue = .object(JSONObject(uniqueMembers: [.init(key: "@value", value: value), .init(key: "@type", value: .string("@json"))]))
            } else if container.contains("@language"), case .object(let map) = value {
                expandedValue = try expandLanguageMap(map, definition: definition, active: active, path: memberPath)
            } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
                expandedValue = try expandIndexMap(map, key: key, definition: definition!, active: active, baseURL: baseURL, path: memberPath)
            } else {
                expandedValue = try expand(active, key, value, baseURL: baseURL, path: memberPath)
            }
            guard var expanded = expandedValue else { continue }
            if container.contains("@list"), !isListObject(expanded) {
                expanded = .object(JSONObject(uniqueMembers: [.init(key: "@list", value: .array(asArray(expanded)))]))
            }
            if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
                expanded = .array(asArray(expanded).map { item in
                    .object(JSONObject(uniqueMembers: [.init(key: "@graph", value: .array(asArray(item)))]))
                })
            }
            if definition?.isReverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in asArray(expanded) {
                    if isValueObject(item) || isListObject(item) {
                        throw JSONLDError("invalid reverse property value", "a reverse property cannot hold a value or a list (\(key))", pointer: pointerText(memberPath))
                    }
                    append(item, to: expandedProperty, in: &reverseMap)
                }
                result.set("@reverse", .object(reverseMap))
            } else {
                append(expanded, to: expandedProperty, in: &result)
            }
        }
        for nestKey in nests.sorted() {
            let nestPath = path.appending(nestKey)
            var nestContext = active
            if let definition = active.terms[nestKey], let scoped = definition.localContext {
                nestContext = try processContext(active, scoped, baseURL: definition.baseURL, overrideProtected: true, localKey: definition.localContextKey)
            }
            for (i, nested) in asArray(element[nestKey]!).enumerated() {
                guard case .object(let nestedObject) = nested,
                      !nestedObject.keys.contains(where: { expandIRI($0, nestContext, vocab: true) == "@value" })
                else {
                    throw JSONLDError("invalid @nest value", "the value of @nest must be node objects", pointer: pointerText(nestPath))
                }
                try expandMembers(
                    of: nestedObject, into: &result, active: nestContext, typeScopedContext: typeScopedContext,
                    activeProperty: activeProperty, inputType: inputType, baseURL: baseURL,
                    path: element[nestKey]?.arrayValue == nil ? nestPath : nestPath.appending(i))
            }
        }
    }

    // MARK: - Helpers shared by the expansion steps

    func asArray(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return [value]
    }

    func isValueObject(_ value: JSONValue) -> Bool { value.objectValue?["@value"] != nil }
    func isListObject(_ value: JSONValue) -> Bool { value.objectValue?["@list"] != nil }
    func isGraphObject(_ value: JSONValue) -> Bool {
        guard let object = value.objectValue, object["@graph"] != nil else { return false }
        return object.keys.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }

    /// Appends `value` (or its items) to the array at `key`, creating it.
    func append(_ value: JSONValue, to key: String, in object: inout JSONObject) {
        var items = object[key].map(asArray) ?? []
        items.append(contentsOf: asArray(value))
        object.set(key, .array(items))
    }
}
