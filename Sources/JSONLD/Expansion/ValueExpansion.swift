import CredconvJSON

/// The Value Expansion algorithm (JSON-LD 1.1 API, section 5.3.2).
extension JSONLDWorker {
    func expandValue(_ active: ActiveContext, _ activeProperty: String, _ value: JSONValue, path: MemberPath) throws(JSONLDError) -> JSONValue {
        let definition = active.terms[activeProperty]
        if case .string(let s) = value {
            if definition?.typeMapping == "@id" {
                guard let iri = expandIRI(s, active, documentRelative: true) else { return .object(JSONObject(uniqueMembers: [.init(key: "@id", value: .null)])) }
                return .object(JSONObject(uniqueMembers: [.init(key: "@id", value: .string(iri))]))
            }
            if definition?.typeMapping == "@vocab" {
                guard let iri = expandIRI(s, active, documentRelative: true, vocab: true) else { return .object(JSONObject(uniqueMembers: [.init(key: "@id", value: .null)])) }
                return .object(JSONObject(uniqueMembers: [.init(key: "@id", value: .string(iri))]))
            }
        }
        var result = JSONObject(uniqueMembers: [.init(key: "@value", value: value)])
        if let type = definition?.typeMapping, type != "@id", type != "@vocab", type != "@none" {
            result.set("@type", .string(type))
        } else if case .string = value {
            let language: String? = switch definition?.language ?? .unset {
            case .unset: active.defaultLanguage
            case .null: nil
            case .value(let l): l
            }
            let direction: String? = switch definition?.direction ?? .unset {
            case .unset: active.defaultDirection
            case .null: nil
            case .value(let d): d
            }
            if let language { result.set("@language", .string(language)) }
            if let direction { result.set("@direction", .string(direction)) }
        }
        return .object(result)
    }
}
