import CredentialModel

/// Writing the value types of Europass XML: texts, notes, codes, identifiers, dates.
extension ELMWriteContext {
    /// A `TextType` element. Texts in a language ELM v2 lacks are reported; a required text keeps its
    /// value under the primary language (with a warning) rather than becoming empty.
    func textNode(_ name: String, _ s: LocalizedString, path: String, required: Bool = false, prefix: String? = nil) -> ELMNode? {
        var node = ELMNode(name, prefix: prefix)
        var written: Set<String> = []
        var dropped: [LocalizedString.Entry] = []
        for e in s.entries {
            let tag = e.language == LocalizedString.undetermined ? primaryLanguage : ELMWriteContext.textLanguage(e.language)
            guard let lang = tag, !written.contains(lang) else { dropped.append(e); continue }
            written.insert(lang)
            node.add(textElement(e.text, lang: lang, html: s.format == .html))
        }
        if node.children.isEmpty, let first = dropped.first {
            guard required else {
                report.lose(.modelPath(path), "Europass XML texts may be in 29 languages only; \(first.language) is not one of them", code: .valueNotExpressible)
                return nil
            }
            report.warn(.languageAssumed, "the text in \(first.language) is written as \(primaryLanguage): Europass XML texts may be in 29 languages only", at: .modelPath(path))
            node.add(textElement(first.text, lang: primaryLanguage, html: s.format == .html))
            dropped.removeFirst()
        }
        for e in dropped where !written.isEmpty {
            report.lose(.modelPath("\(path)[\(e.language)]"), "Europass XML texts may be in 29 languages only (or the language is already written)", code: .valueNotExpressible)
        }
        return node
    }

    private func textElement(_ text: String, lang: String, html: Bool) -> ELMNode {
        var t = ELMNode("text", text: text)
        t.attribute("lang", lang)
        t.attribute("content-type", html ? "text/html" : "text/plain")
        if !usedLanguages.contains(lang) { usedLanguages.append(lang) }
        return t
    }

    /// A `NoteType` element (text and an optional subject).
    func noteNode(_ name: String, _ s: LocalizedString, subject: Concept? = nil, path: String) -> ELMNode? {
        guard var node = textNode(name, s, path: path) else { return nil }
        if let subject, let label = subject.label?.best(preferring: [primaryLanguage]) ?? subject.id {
            var sub = ELMNode("subject", text: label)
            if let uri = subject.id, QualificationTopics.isTopic(uri) { sub.attribute("uri", uri) }
            node.add(sub)
        }
        return node
    }

    /// Whether a concept can be a Europass XML code: an http(s) or URN IRI in an http(s) scheme.
    static func isCodable(_ concept: Concept) -> Bool {
        let c = EUVocabulary.completed(concept)
        guard let uri = c.id, uri.hasPrefix("http://") || uri.hasPrefix("https://") || uri.hasPrefix("urn:") else { return false }
        guard let scheme = c.scheme ?? EUVocabulary.scheme(ofIRI: uri) else { return false }
        return scheme.hasPrefix("http://") || scheme.hasPrefix("https://")
    }

    /// A `CodeType` element: `@uri`, `@targetFrameworkUrl`, `targetName` and `targetFrameworkName`, with labels
    /// from the built-in tables when the model has none. A concept without an IRI cannot be written.
    func codeNode(_ name: String, _ concept: Concept, path: String, scheme fixedScheme: String? = nil) -> ELMNode? {
        let c = EUVocabulary.completed(concept)
        guard let uri = c.id, uri.hasPrefix("http://") || uri.hasPrefix("https://") || uri.hasPrefix("urn:") else {
            report.lose(.modelPath(path), "a Europass code needs a concept IRI; \"\(c.displayText())\" has none", code: .valueNotExpressible)
            return nil
        }
        guard let scheme = fixedScheme ?? c.scheme ?? EUVocabulary.scheme(ofIRI: uri), scheme.hasPrefix("http://") || scheme.hasPrefix("https://") else {
            report.lose(.modelPath(path), "a Europass code needs its scheme (targetFrameworkUrl); \(uri) has none credconv knows", code: .valueNotExpressible)
            return nil
        }
        if let fixedScheme, let given = c.scheme, given != fixedScheme {
            report.warn(.writtenDifferently, "the code \(uri) is written in the scheme \(fixedScheme) that Europass requires here (it said \(given))", at: .modelPath(path))
        }
        var node = ELMNode(name)
        node.attribute("targetFrameworkUrl", scheme)
        if let notation = c.notation { node.attribute("targetNotation", notation) }
        node.attribute("uri", uri)
        let label = c.label ?? LocalizedString(c.notation ?? uri)
        node.add(textNode("targetName", label, path: path + "/targetName", required: true))
        let schemeName = EUVocabulary.schemeNames[scheme].map { LocalizedString($0, language: "en") } ?? c.schemeName
        if let schemeName { node.add(textNode("targetFrameworkName", schemeName, path: path + "/targetFrameworkName")) }
        return node
    }

    /// An `IdentifierType` element with its scheme attributes.
    func identifierNode(_ name: String, _ id: Identifier, requireSpatial: Bool = false) -> ELMNode {
        var node = ELMNode(name, text: id.value)
        if let v = id.schemeID { node.attribute("schemeID", v) }
        if let v = id.schemeName { node.attribute("schemeName", v) }
        if let v = id.schemeAgency { node.attribute("schemeAgencyName", v) }
        if let v = id.issuedDate { node.attribute("issuedDate", Self.dateTime(v) ?? v) }
        if let t = id.type, !Identifier.Kind.europassKinds.contains(t), t != Identifier.Kind.nationalId, name == "identifier" {
            node.attribute("type", t.hasPrefix("ext:") ? String(t.dropFirst(4)) : t)
        }
        if let v = id.spatial ?? (requireSpatial ? credential.issuer?.address?.country?.alpha2 : nil) { node.attribute("spatialID", v) }
        return node
    }

    /// A `LegalIdentifierType` element (`vatIdentifier`, `taxIdentifier`, `nationalId`), whose country
    /// (`spatialID`) is required: the identifier's own, else the issuer's; nil, reported at `path`, when
    /// neither is known.
    func legalIdentifierNode(_ name: String, _ id: Identifier, path: String) -> ELMNode? {
        guard id.spatial != nil || credential.issuer?.address?.country != nil else {
            report.lose(.modelPath(path), "a Europass \(name) needs the country that issued it, and neither it nor the issuer has one (\(id.value))", code: .valueNotExpressible)
            return nil
        }
        return identifierNode(name, id, requireSpatial: true)
    }

    /// An `xs:dateTime` for a date or date-time; nil when it is neither.
    static func dateTime(_ value: String) -> String? { ISODateText.dateTime(value) }

    /// An `xs:date` for a date or date-time; nil when it is neither.
    static func date(_ value: String) -> String? { ISODateText.date(value) }

    /// The `xs:decimal` text of a number (Europass has no exponents: `1e2` is written `100`), or nil,
    /// reported, when it would take more digits than a credential needs.
    func decimal(_ number: NumberText, path: String) -> String? {
        guard let text = number.decimalText else {
            report.lose(.modelPath(path), "\(number.text) written without an exponent has more than \(NumberText.maxDecimalDigits) digits", code: .valueNotExpressible)
            return nil
        }
        return text
    }

    /// An `xs:duration` element for an ISO 8601 duration (weeks and fractions of an hour carried into
    /// the units XML Schema has: `PT7.5H` is written `PT7H30M`, and says so); nil, reported, for any other text.
    func durationNode(_ name: String, _ value: String, path: String) -> ELMNode? {
        guard let duration = XSDDuration.normalised(value) else {
            report.lose(.modelPath(path), "Europass XML wants an ISO 8601 duration (PT125H); \"\(value)\" is not one, or has a fraction of a year or month", code: .valueNotExpressible)
            return nil
        }
        if duration != value.trimmingSpaces() {
            report.warn(.writtenDifferently, "the duration \(value) is written as \(duration) (XML Schema durations have no weeks and a fraction only of seconds)", at: .modelPath(path))
        }
        return ELMNode(name, text: duration)
    }

    /// A date-time element, reporting a value that is no date.
    func dateTimeNode(_ name: String, _ value: String?, path: String, prefix: String? = nil) -> ELMNode? {
        guard let value else { return nil }
        guard let v = Self.dateTime(value) else {
            report.lose(.modelPath(path), "\"\(value)\" is not an ISO 8601 date or date-time", code: .valueNotExpressible)
            return nil
        }
        if v != value.trimmingSpaces() { report.warn(.dateNormalised, "the date \(value) is written as the date-time \(v)", at: .modelPath(path)) }
        return ELMNode(name, prefix: prefix, text: v)
    }

    /// A `DocumentType` element (`homepage`, `supplementaryDoc`) for an http(s) URL.
    func documentNode(_ name: String, _ url: String, path: String) -> ELMNode? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            report.lose(.modelPath(path), "Europass XML documents need an http(s) URL; \(url) is not one")
            return nil
        }
        var n = ELMNode(name)
        n.attribute("uri", url)
        return n
    }
}
