import CredconvJSON

/// The Expansion algorithm (JSON-LD 1.1 API, section 5.1.2).
extension JSONLDWorker {
    /// Expands `element` under `activeProperty`. `path` is the JSON pointer of `element`, for findings.
    func expand(
        _ active: ActiveContext, _ activeProperty: String?, _ element: JSONValue, baseURL: String?,
        fromMap: Bool = false, path: MemberPath
    ) throws(JSONLDError) -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxDepth { throw JSONLDError("invalid input", "nested deeper than \(options.maxDepth) levels") }
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        switch element {
        case .null:
            return nil
        case .array(let items):
            var result: [JSONValue] = []
            for (i, item) in items.enumerated() {
                guard var expanded = try expand(active, activeProperty, item, baseURL: baseURL, fromMap: fromMap, path: path.appending(i)) else { continue }
                if propertyDefinition?.containerHas("@list") == true, case .array = expanded {
                    expanded = .object(JSONObject(uniqueMembers: [.init(key: "@list", value: expanded)]))
                }
                if case .array(let inner) = expanded { result.append(contentsOf: inner) } else { result.append(expanded) }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(active, activeProperty, object, propertyDefinition: propertyDefinition, baseURL: baseURL, fromMap: fromMap, path: path)
        default:
            if activeProperty == nil || activeProperty == "@graph" {
                note(.freeFloatingValue, path, "a value outside any property is dropped")
                return nil
            }
            var context = active
            if let scoped = propertyDefinition?.localContext {
                context = try processContext(active, scoped, baseURL: propertyDefinition?.baseURL, localKey: propertyDefinition?.localContextKey)
            }
            return try expandValue(context, activeProperty!, element, path: path)
        }
    }

    private func expandObject(
        _ activeIn: ActiveContext, _ activeProperty: String?, _ element: JSONObject, propertyDefinition: TermDefinition?,
        baseURL: String?, fromMap: Bool, path: MemberPath
    ) throws(JSONLDError) -> JSONValue? {
        var active = activeIn
        if let previous = active.previousContext, !fromMap {
            let revert = !element.keys.contains { expandIRI($0, active, vocab: true) == "@value" }
                && !(element.count == 1 && expandIRI(element.members[0].key, active, vocab: true) == "@id")
            if revert { active = previous.context }
        }
        if let scoped = propertyDefinition?.localContext {
            active = try processContext(
                active, scoped, baseURL: propertyDefinition?.baseURL, overrideProtected: true, localKey: propertyDefinition?.localContextKey)
        }
        if let context = element["@context"] {
            active = try processContext(active, context, baseURL: baseURL)
        }
        let typeScopedContext = active
        var inputType: String?
        var typeKeySeen = false
        // The keys that are @type (or its aliases), in lexicographic order: which type-scoped context is
        // applied last depends on it.
        let typeMembers = element.members.filter { expandIRI($0.key, active, vocab: true) == "@type" }.sorted { $0.key < $1.key }
        for member in typeMembers {
            let values: [JSONValue] = if case .array(let a) = member.value { a } else { [member.value] }
            let terms = values.compactMap(\.stringValue).sorted()
            for term in terms {
                if let definition = typeScopedContext.terms[term], let scoped = definition.localContext {
                    active = try processContext(active, scoped, baseURL: definition.baseURL, propagate: false, localKey: definition.localContextKey)
                }
            }
            if !typeKeySeen, let last = values.last?.stringValue {
                inputType = expandIRI(last, active, vocab: true)
            }
            typeKeySeen = true
        }
        var result = JSONObject()
        try expandMembers(
            of: element, into: &result, active: active, typeScopedContext: typeScopedContext, activeProperty: activeProperty,
            inputType: inputType, baseURL: baseURL, path: path)
        return try finishObject(result, activeProperty: activeProperty, path: path)
    }

    /// Steps 15–20: checks and simplifications of the expanded object.
    private func finishObject(_ resultIn: JSONObject, activeProperty: String?, path: MemberPath) throws(JSONLDError) -> JSONValue? {
        var result = resultIn
        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            guard result.keys.allSatisfy({ allowed.contains($0) }),
                  !(result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil))
            else {
                throw JSONLDError("invalid value object", "a value object may only have @value, @type or @language/@direction, and @index", pointer: pointerText(path))
            }
            if result["@type"] == .string("@json") {
                // any JSON value is allowed
            } else if value == .null {
                return nil
            } else if case .string = value {
                if case .string(let type)? = result["@type"], type != "@json", !IRI.isWellFormed(type) {
                    throw JSONLDError("invalid typed value", "@type \(type) of a value must be an absolute IRI", pointer: pointerText(path))
                }
            } else {
                if result["@language"] != nil {
                    throw JSONLDError("invalid language-tagged value", "only strings can have a language", pointer: pointerText(path))
                }
                if case .array = value { throw JSONLDError("invalid value object value", "@value cannot be an array", pointer: pointerText(path)) }
                if case .object = value { throw JSONLDError("invalid value object value", "@value cannot be an object", pointer: pointerText(path)) }
            }
            if let type = result["@type"] {
                guard case .string(let t) = type, t == "@json" || IRI.isWellFormed(t) else {
                    throw JSONLDError("invalid typed value", "the @type of a value must be one absolute IRI", pointer: pointerText(path))
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result.set("@type", .array([type]))
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.count == 1 || (result.count == 2 && result["@index"] != nil) else {
                throw JSONLDError("invalid set or list object", "@set and @list objects may only have @index besides", pointer: pointerText(path))
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1 && result["@language"] != nil { return nil }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil {
                if !result.isEmpty { note(.emptyValue, path, "a value or list outside any property is dropped") }
                return nil
            }
            if result.count == 1 && result["@id"] != nil {
                return nil
            }
        }
        return .object(result)
    }

    func pointerText(_ path: MemberPath) -> String { path.pointer.description }
}
