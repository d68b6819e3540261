import CredconvJSON

/// Steps 13.7 and 13.8 of the Expansion algorithm: language maps, and index, id and type maps.
extension JSONLDWorker {
    func expandLanguageMap(_ map: JSONObject, definition: TermDefinition?, active: ActiveContext, path: MemberPath) throws(JSONLDError) -> JSONValue {
        var result: [JSONValue] = []
        let direction: String? = switch definition?.direction ?? .unset {
        case .unset: active.defaultDirection
        case .null: nil
        case .value(let d): d
        }
        for language in map.keys.sorted() {
            for item in asArray(map[language]!) {
                switch item {
                case .null: continue
                case .string:
                    var value = JSONObject(uniqueMembers: [.init(key: "@value", value: item)])
                    if expandIRI(language, active, vocab: true) != "@none" {
                        if !LanguageTag.isWellFormed(language) {
                            note(.invalidLanguage, path.appending(language), "\"\(language)\" is not a well-formed language tag, so RDF drops the string")
                        }
                        value.set("@language", .string(language.lowercased()))
                    }
                    if let direction { value.set("@direction", .string(direction)) }
                    result.append(.object(value))
                default:
                    throw JSONLDError("invalid language map value", "the values of a language map must be strings", pointer: pointerText(path.appending(language)))
                }
            }
        }
        return .array(result)
    }

    func expandIndexMap(
        _ map: JSONObject, key: String, definition: TermDefinition, active: ActiveContext, baseURL: String?, path: MemberPath
    ) throws(JSONLDError) -> JSONValue {
        var result: [JSONValue] = []
        let container = definition.container
        let indexKey = definition.index ?? "@index"
        for index in map.keys.sorted() {
            let indexPath = path.appending(index)
            var mapContext = active
            if container.contains("@id") || container.contains("@type") {
                mapContext = active.previousContext?.context ?? active
            }
            if container.contains("@type"), let definition = mapContext.terms[index], let scoped = definition.localContext {
                mapContext = try processContext(mapContext, scoped, baseURL: definition.baseURL, localKey: definition.localContextKey)
            } else if !(container.contains("@id") || container.contains("@type")) {
                mapContext = active
            }
            let expandedIndex = expandIRI(index, active, vocab: true)
            let indexValue = map[index]!
            let expandedItems = asArray(try expand(mapContext, key, .array(asArray(indexValue)), baseURL: baseURL, fromMap: true, path: indexPath) ?? .array([]))
            for var item in expandedItems {
                if container.contains("@graph"), !isGraphObject(item) {
                    item = .object(JSONObject(uniqueMembers: [.init(key: "@graph", value: .array(asArray(item)))]))
                }
                if container.contains("@index"), indexKey != "@index", expandedIndex != "@none" {
                    let reExpanded = try expandValue(active, indexKey, .string(index), path: indexPath)
                    guard let expandedIndexKey = expandIRI(indexKey, active, vocab: true), var object = item.objectValue else { continue }
                    if isValueObject(item) {
                        throw JSONLDError("invalid value object", "a property-indexed map cannot hold values", pointer: pointerText(indexPath))
                    }
                    let existing = object[expandedIndexKey].map(asArray) ?? []
                    object.set(expandedIndexKey, .array([reExpanded] + existing))
                    item = .object(object)
                } else if container.contains("@index"), var object = item.objectValue, object["@index"] == nil, expandedIndex != "@none" {
                    object.set("@index", .string(index))
                    item = .object(object)
                } else if container.contains("@id"), var object = item.objectValue, object["@id"] == nil, expandedIndex != "@none" {
                    if let id = expandIRI(index, active, documentRelative: true) { object.set("@id", .string(id)) }
                    item = .object(object)
                } else if container.contains("@type"), var object = item.objectValue, expandedIndex != "@none", let expandedIndex {
                    let types = [JSONValue.string(expandedIndex)] + (object["@type"].map(asArray) ?? [])
                    object.set("@type", .array(types))
                    item = .object(object)
                }
                result.append(item)
            }
        }
        return .array(result)
    }
}
