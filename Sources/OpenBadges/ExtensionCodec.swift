import CredconvJSON
import CredentialModel
import JSONMapping

/// How the credconv extension writes model values that Open Badges 3.0 has no type for, and reads
/// them back: Concepts, multilingual texts, durations.
enum ExtensionCodec {
    // MARK: reading

    /// A Concept: `{"type": "Concept", "id", "inScheme", "notation", "prefLabel"}`, or a string (an IRI
    /// when it has a scheme, else a label, as Edubadges write `"participationType": "online"`).
    static func concept(_ value: JSONValue, at pointer: JSONPointer, defaultLanguage: String? = nil) throws(Diagnostic) -> Concept {
        switch value {
        case .string(let s):
            if looksLikeIRI(s) { return EUVocabulary.completed(Concept(id: s)) }
            return Concept(label: defaultLanguage.map { LocalizedString(s, language: $0) } ?? LocalizedString(s))
        case .object(let o):
            var c = ObjectCursor(o, at: pointer).inheriting(defaultLanguage)
            var concept = Concept()
            concept.id = try c.string("id")
            if let scheme = try c.idOrObject("inScheme") {
                concept.scheme = scheme.id
                if var schemeObject = scheme.object {
                    try schemeObject.consumeTypes()
                    concept.schemeName = try schemeObject.localized("prefLabel")
                }
            }
            concept.notation = try c.scalarText("notation")
            concept.label = try c.localized("prefLabel")
            return concept
        default:
            throw ObjectCursor.typeError("a Concept object or a string", found: value, at: pointer)
        }
    }

    /// An optional Concept member; nil as well for one that holds nothing (`{"type": "Concept",
    /// "prefLabel": ""}`), which no writer could write.
    static func concept(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> Concept? {
        guard let v = c.raw(key) else { return nil }
        let read = try concept(v, at: c.pointer / key, defaultLanguage: c.defaultLanguage)
        return isEmpty(read) ? nil : read
    }

    /// True when a Concept has no id, scheme, notation or label text.
    static func isEmpty(_ c: Concept) -> Bool {
        c.id == nil && c.scheme == nil && c.notation == nil && (c.label?.isEmpty ?? true)
    }

    /// A member holding one Concept or an array of them.
    static func concepts(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> [Concept] {
        guard let v = c.raw(key) else { return [] }
        if case .array(let items) = v {
            var out: [Concept] = []
            for (i, item) in items.enumerated() { out.append(try concept(item, at: c.pointer / key / i, defaultLanguage: c.defaultLanguage)) }
            return out.filter { !isEmpty($0) }
        }
        let one = try concept(v, at: c.pointer / key, defaultLanguage: c.defaultLanguage)
        return isEmpty(one) ? [] : [one]
    }

    /// Skills: IRIs (strings) or Concepts.
    static func skills(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> [Concept] {
        guard let v = c.raw(key) else { return [] }
        let items: [JSONValue]
        if case .array(let a) = v { items = a } else { items = [v] }
        var out: [Concept] = []
        for (i, item) in items.enumerated() {
            if case .string(let iri) = item { out.append(Concept(id: iri)) } else { out.append(try concept(item, at: c.pointer / key / i, defaultLanguage: c.defaultLanguage)) }
        }
        return out
    }

    static func looksLikeIRI(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon > s.startIndex else { return false }
        let scheme = s[..<colon]
        return !s.contains(" ") && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    // MARK: writing

    /// The JSON form of a Concept; see ``text(_:primaryLanguage:)`` for its label.
    static func json(_ concept: Concept, primaryLanguage: String?) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string("Concept"))
        o.set("id", ifPresent: concept.id.map(JSONValue.string))
        if let schemeName = concept.schemeName {
            var scheme = JSONObject()
            scheme.set("id", ifPresent: concept.scheme.map(JSONValue.string))
            scheme.set("type", .string("ConceptScheme"))
            scheme.set("prefLabel", text(schemeName, primaryLanguage: primaryLanguage))
            o.set("inScheme", .object(scheme))
        } else {
            o.set("inScheme", ifPresent: concept.scheme.map(JSONValue.string))
        }
        o.set("notation", ifPresent: concept.notation.map(JSONValue.string))
        if let label = concept.label, !label.isEmpty { o.set("prefLabel", text(label, primaryLanguage: primaryLanguage)) }
        return .object(o)
    }

    /// A text: a plain string when it has one entry in the language plain strings stand for (the declared
    /// primary language, else "not stated"), else a language map.
    static func text(_ s: LocalizedString, primaryLanguage: String?) -> JSONValue {
        if s.entries.count == 1, s.entries[0].language == (primaryLanguage ?? LocalizedString.undetermined) {
            return .string(s.entries[0].text)
        }
        let map = languageMap(s)
        return map.isEmpty ? .string(s.entries[0].text) : .object(map)
    }

    /// A text's entries as a language map: `{"en": "…", "de": "…"}`. Only keys that are language tags
    /// (the extension's schema allows no other); an entry under any other key is not written, and the
    /// loss check, reading the output back, reports it.
    static func languageMap(_ s: LocalizedString) -> JSONObject {
        var map = JSONObject()
        for e in s.entries where LanguageCode.isWellFormed(e.language) { map.set(e.language, .string(e.text)) }
        return map
    }
}

/// The credconv `translations` member of an object: every language of each text property whose
/// plain-string value holds only one of them.
struct TranslationTable {
    private var byProperty: [String: LocalizedString] = [:]

    init() {}

    /// Reads and consumes the `translations` member of `c`.
    init(_ c: inout ObjectCursor) throws(Diagnostic) {
        guard let value = c.raw(CredconvExtension.translations) else { return }  // consumed whole: every entry is read
        let table = try ObjectCursor(value, at: c.pointer / CredconvExtension.translations)
        for m in table.object {
            byProperty[m.key] = try ObjectCursor.localizedString(m.value, at: table.pointer / m.key)
        }
    }

    /// The full text of `property`: the translations when given, else the value read.
    func apply(_ property: String, _ plain: LocalizedString?) throws(Diagnostic) -> LocalizedString? {
        guard var full = byProperty[property] else { return plain }
        if let plain { full.format = plain.format }
        return full
    }
}
