import CredconvJSON

/// A value that is either absent from a definition, explicitly null, or set (language and direction
/// mappings distinguish "not given" from "given as null").
enum Tristate<Value: Sendable & Equatable>: Sendable, Equatable {
    case unset
    case null
    case value(Value)

    var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }
    var isSet: Bool { if case .unset = self { return false } else { return true } }
}

/// What a term means in an active context (JSON-LD 1.1 API, section 4.1: term definitions).
struct TermDefinition: Sendable, Equatable {
    /// The IRI (or keyword, or blank node identifier) the term expands to; nil when mapped to null.
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    /// The base URL scoped contexts on this term resolve against.
    var baseURL: String?
    /// The term's scoped context, unprocessed.
    var localContext: JSONValue?
    /// The scoped context's compact JSON text: its key in the context cache.
    var localContextKey: String?
    var container: Set<String> = []
    var direction: Tristate<String> = .unset
    var language: Tristate<String> = .unset
    var nest: String?
    var index: String?
    var typeMapping: String?

    /// Equality for the protected-term rule: the same definition apart from its protection flag.
    func isSameDefinition(as other: TermDefinition) -> Bool {
        var a = self, b = other
        a.isProtected = false
        b.isProtected = false
        a.baseURL = nil
        b.baseURL = nil
        a.localContextKey = nil
        b.localContextKey = nil
        return a == b
    }

    func containerHas(_ keyword: String) -> Bool { container.contains(keyword) }
}
