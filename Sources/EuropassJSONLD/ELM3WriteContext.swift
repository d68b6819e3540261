import CredconvJSON
import CredentialModel
import FormatInterface

/// The state of writing one ELM v3 credential: the options, the report, the counters behind the
/// document-local `urn:epass:…` ids, and the organisations already written.
final class ELM3WriteContext {
    let credential: Credential
    let options: ELM3WriterOptions
    var report: ConversionReport
    /// The language texts without one ("und") are written in.
    let primaryLanguage: String
    /// The ids minted for nodes, avoiding those of kept source nodes (and, on a second writing, the
    /// model's).
    var ids: DocumentLocalIdentifiers
    /// credconv's own description of each concept IRI it wrote, for ``ELM3NodeIdentity``.
    private(set) var writtenConcepts: [String: JSONObject] = [:]
    /// Organisations already written, with their JSON (an organisation repeated as issuer, awarding
    /// body and assessor is written identically each time, as the EDC tools do).
    var writtenOrganizations: [(organization: Organization, json: JSONValue)] = []
    private var warnedUndetermined = false

    /// - Parameter reservedIds: ids minted ids must avoid, beyond those of the kept ELM v3 nodes (the
    ///   ids a first writing found taken from the model).
    init(credential: Credential, options: ELM3WriterOptions, report: ConversionReport, reservedIds extra: Set<String> = []) {
        self.credential = credential
        self.options = options
        self.report = report
        let choice = credential.primaryLanguage(preferring: [options.preferredLanguage].compactMap { $0 })
        primaryLanguage = choice.tag
        ids = DocumentLocalIdentifiers(reserved: ELM3NodeIdentity.reservedIds(in: credential.extensions.fields.filter { $0.family == ELM3Reader.family }.map(\.value)).union(extra))
        if choice.isDefault {
            self.report.warn(.languageAssumed, "no language of the credential's texts is known; ELM needs one, so \(choice.tag) was written", at: .modelPath("primaryLanguage"))
        }
    }

    /// A document-local id such as `urn:epass:note:3`, numbered per kind in writing order.
    func localId(_ kind: String) -> String { ids.mint(kind) }

    /// The model's id of a node when it is one the target takes, else a minted one.
    func nodeId(_ given: String?, kind: String) -> String { ids.nodeId(given, kind: kind, accepting: isIRI) }

    /// An object with its `id` and `type` first.
    func node(_ type: String, id: String) -> JSONObject {
        var o = JSONObject()
        o.set("id", .string(id))
        o.set("type", .string(type))
        return o
    }

    /// A made id for something the model lacks and ELM requires, with a warning.
    func generated(_ what: String) -> String {
        let id = options.makeIdentifier()
        report.warn(.identifierMinted, "the \(what) was missing; ELM requires one, so \(id) was made")
        return id
    }

    // MARK: values

    /// A language map (`{"en": "…"}`); texts without a language are written in the primary language.
    func languageMap(_ text: LocalizedString?, path: String) -> JSONValue? {
        guard let text, !text.isEmpty else { return nil }
        var o = JSONObject()
        for e in text.entries where !e.text.isEmpty {
            var language = e.language
            if language == LocalizedString.undetermined {
                language = primaryLanguage
                if !warnedUndetermined {
                    warnedUndetermined = true
                    report.warn(.languageAssumed, "texts without a language are written as \(primaryLanguage) (ELM texts always have one)", at: .modelPath(path))
                }
            }
            if o[language] != nil {
                report.lose(.modelPath("\(path)[\(e.language)]"), "a second text in \(language)")
                continue
            }
            o.set(language, .string(e.text))
        }
        return o.isEmpty ? nil : .object(o)
    }

    /// A `Concept` with its scheme and labels; nil (reported) when it has no IRI.
    func concept(_ c: Concept?, path: String) -> JSONValue? {
        guard let c else { return nil }
        let full = EUVocabulary.completed(c)
        guard let id = full.id, isIRI(id) else {
            report.lose(.modelPath(path), "an ELM concept needs an IRI; \"\(c.displayText())\" has none", code: .valueNotExpressible)
            return nil
        }
        var o = node("Concept", id: id)
        if let scheme = full.scheme ?? EUVocabulary.scheme(ofIRI: id) {
            if isIRI(scheme) {
                o.set("inScheme", .object(node("ConceptScheme", id: scheme)))
            } else {
                report.lose(.modelPath(path + ".scheme"), "an ELM concept scheme is named by an IRI; \"\(scheme)\" is none", code: .valueNotExpressible)
            }
        }
        if let notation = full.notation { o.set("notation", .string(notation)) }
        if let label = languageMap(full.label, path: path + ".label") { o.set("prefLabel", label) }
        if let first = writtenConcepts[id] { writtenConcepts[id] = ELM3NodeIdentity.completed(first, with: o) } else { writtenConcepts[id] = o }
        return .object(o)
    }

    func concepts(_ cs: [Concept], path: String) -> JSONValue? {
        let written = cs.enumerated().compactMap { concept($0.element, path: "\(path)[\($0.offset)]") }
        return many(written)
    }

    /// The EU authority concept of a BCP 47 language.
    func languageConcept(_ tag: String, path: String) -> JSONValue? {
        guard let iri = LanguageCode.euAuthorityIRI(fromBCP47: tag) else {
            report.lose(.modelPath(path), "no EU language code for \(tag)", code: .valueNotExpressible)
            return nil
        }
        let label = LanguageCode.englishName(ofBCP47: tag).map { LocalizedString($0, language: "en") }
        return concept(Concept(id: iri, scheme: EUVocabulary.languageScheme, notation: EUVocabulary.authorityCode(ofIRI: iri), label: label), path: path)
    }

    func countryConcept(_ country: Country, path: String) -> JSONValue? {
        concept(EUVocabulary.concept(for: country), path: path)
    }

    /// A `Note` holding a text.
    func note(_ text: LocalizedString?, subject: Concept? = nil, path: String) -> JSONValue? {
        guard let literal = languageMap(text, path: path) else { return nil }
        var o = node("Note", id: localId("note"))
        o.set("noteLiteral", literal)
        if text?.format == .html {
            o.set("noteFormat", ifPresent: concept(FileTypes.concept("HTML"), path: path))
        }
        if let subject { o.set("subject", ifPresent: concept(subject, path: path + ".subject")) }
        return .object(o)
    }

    /// An `xsd:dateTime` for a date or date-time; nil (reported) when it is neither.
    func dateTime(_ value: String?, path: String) -> JSONValue? {
        guard let value else { return nil }
        guard let v = ISODateText.dateTime(value) else {
            report.lose(.modelPath(path), "\"\(value)\" is not an ISO 8601 date or date-time", code: .valueNotExpressible)
            return nil
        }
        return .string(v)
    }

    /// An `xsd:duration`; nil (reported) when the text is none.
    func duration(_ value: String?, path: String) -> JSONValue? {
        guard let value else { return nil }
        guard let duration = XSDDuration.normalised(value) else {
            report.lose(.modelPath(path), "ELM durations are ISO 8601 durations (PT60H); \"\(value)\" is not one, or has a fraction of a year or month")
            return nil
        }
        if duration != value.trimmingSpaces() {
            report.warn(.writtenDifferently, "the duration \(value) is written as \(duration) (xsd:duration has no weeks and a fraction only of seconds)", at: .modelPath(path))
        }
        return .string(duration)
    }

    /// A `WebResource` for an http(s) URL; nil (reported) otherwise.
    func webResource(_ url: String, path: String) -> JSONValue? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            report.lose(.modelPath(path), "ELM web resources are http(s) URLs; \(url) is not one")
            return nil
        }
        var o = node("WebResource", id: localId("webResource"))
        o.set("contentURL", .string(url))
        return .object(o)
    }

    /// A `MediaObject` embedding base64 content (from a `data:` URL); nil (reported) otherwise.
    func mediaObject(_ image: Image, path: String) -> JSONValue? {
        guard image.id.hasPrefix("data:"), let comma = image.id.firstIndex(of: ","),
            image.id[..<comma].hasSuffix(";base64")
        else {
            report.lose(.modelPath(path), "ELM images are embedded (base64); \(image.id.prefix(60)) is a link")
            return nil
        }
        let mime = image.id.dropFirst(5).prefix { $0 != ";" }.lowercased()
        guard let fileType = FileTypes.code(forMIME: mime) else {
            report.lose(.modelPath(path), "ELM images are PNG, JPEG, GIF or SVG; this one is \(mime)")
            return nil
        }
        return mediaObject(base64: String(image.id[image.id.index(after: comma)...]), fileType: fileType, path: path)
    }

    func mediaObject(base64: String, fileType: String, path: String) -> JSONValue {
        var o = node("MediaObject", id: localId("mediaObject"))
        o.set("content", .string(base64))
        o.set("contentEncoding", concept(ContentEncodings.base64, path: path) ?? .null)
        o.set("contentType", concept(FileTypes.concept(fileType), path: path) ?? .null)
        return .object(o)
    }

    /// One value as itself, several as an array, none as nil.
    func many(_ values: [JSONValue]) -> JSONValue? {
        switch values.count {
        case 0: return nil
        case 1: return values[0]
        default: return .array(values)
        }
    }

    /// An absolute IRI: a scheme (RFC 3986: an ASCII letter, then letters, digits, `+`, `-`, `.`), a colon,
    /// and no space, `<`, `>` or `"`. Tested on the UTF-8 bytes (by Character it showed in profiles).
    func isIRI(_ s: String) -> Bool {
        let bytes = s.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        let scheme = bytes[..<colon]
        return isLetter(scheme.first!)
            && scheme.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            && !bytes.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
    }
}
