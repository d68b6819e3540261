import CredconvJSON
import CredentialModel

/// Writes the model as an unsigned Open Badges 3.0 credential (VCDM 2.0, OB context 3.0.3).
///
/// The output validates against the official AchievementCredential (or EndorsementCredential) JSON
/// Schema. EU micro-credential elements with no OB 3.0 property are written with the credconv
/// extension and also as readable text in `criteria.narrative`. Signatures never survive: the output
/// carries no proof. Whatever cannot be written is recorded in the report.
public struct OB3Writer: Sendable {
    public var options: OB3WriterOptions

    public init(options: OB3WriterOptions = OB3WriterOptions()) { self.options = options }

    /// Writes one credential.
    /// - Throws: ``Diagnostic`` when the model lacks what OB 3.0 cannot do without
    ///   (an issuer, a date of validity, an achievement name).
    public func write(_ credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> JSONValue {
        let context = OB3WriteContext(options: options, credential: credential)
        let body = try context.credentialObject(report: &report)
        var out = JSONObject()
        var contexts: [JSONValue] = [.string(OB3Vocabulary.credentialsV2Context), .string(OB3Vocabulary.obContext)]
        if context.usesOneEdTechExtensions { contexts.append(.string(OB3Vocabulary.extensionsContext)) }
        if context.usesCredconvExtension { contexts.append(.string(CredconvExtension.contextIRI)) }
        // Further contexts of an Open Badges source (only the OB 3.0 reader keeps them).
        for (i, iri) in credential.additionalContexts.enumerated() where !OB3Vocabulary.isStandardContext(iri) {
            guard ExtensionCodec.looksLikeIRI(iri) else {
                report.lose(.modelPath("additionalContexts[\(i)]"), "a JSON-LD @context entry is an IRI; \"\(iri)\" is none, and would break every JSON-LD processor", code: .valueNotExpressible)
                continue
            }
            contexts.append(.string(iri))
        }
        out.set("@context", .array(contexts))
        for m in body { out.set(m.key, m.value) }
        if context.usesCredconvExtension, case .array(var schemas)? = out["credentialSchema"] {
            schemas.append(schemaReference(CredconvExtension.schemaIRI))
            out.set("credentialSchema", .array(schemas))
        }
        return .object(out)
    }

    func schemaReference(_ iri: String) -> JSONValue {
        .object(JSONObject(["id": .string(iri), "type": .string(OB3Vocabulary.schemaValidatorType)]))
    }
}

/// The state of one write: options, the credential, and what the output turned out to need.
struct OB3WriteContext {
    let options: OB3WriterOptions
    let credential: Credential
    /// What the output turned out to need, found while writing. Held by reference, so that writing is
    /// non-mutating: the methods then read the credential in place instead of copying it first.
    private let needs = OutputNeeds()
    /// Set when any credconv extension term was written.
    var usesCredconvExtension: Bool {
        get { needs.credconvExtension }
        nonmutating set { needs.credconvExtension = newValue }
    }
    /// The `1EdTech…` extensions context is always declared (the achievement types may need it).
    let usesOneEdTechExtensions = true
    /// Languages to prefer for plain strings.
    let preferredLanguages: [String]
    /// The language plain strings stand for (``Credential/plainTextLanguage``), found once per write.
    let plainTextLanguage: String?

    init(options: OB3WriterOptions, credential: Credential) {
        self.options = options
        self.credential = credential
        preferredLanguages = [options.preferredLanguage, credential.primaryLanguage].compactMap { $0 }
        plainTextLanguage = credential.plainTextLanguage
    }

    /// The contexts and schemas the output needs beyond the fixed ones.
    private final class OutputNeeds {
        var credconvExtension = false
    }

    // MARK: the credential

    func credentialObject(report: inout ConversionReport) throws(Diagnostic) -> JSONObject {
        var o = JSONObject()
        var translations = JSONObject()
        let c = credential
        if let signature = c.provenance.signature {
            report.warn(.unsignedOutput, "the input was \(signature.statement); the output is unsigned derived data")
        }
        if let id = c.id {
            o.set("id", .string(id))
        } else if c.provenance.originalId != nil {
            // The source had an id the credential does not keep (the migration guide: a repackaged 2.0
            // assertion is a new credential; its old id is evidence).
            let id = options.makeIdentifier()
            report.warn(.repackaged, "the source document \(c.provenance.originalId ?? "") is repackaged as the new credential \(id) (an Open Badges 2.0 assertion stays linked as evidence)")
            o.set("id", .string(id))
        } else {
            o.set("id", .string(generatedId("credential id", report: &report)))
        }
        switch c.kind {
        case .achievement:
            o.set("type", .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]))
        case .endorsement:
            o.set("type", .array([.string("VerifiableCredential"), .string("EndorsementCredential")]))
        }
        var name = c.name ?? c.achievement?.name
        if name == nil, c.kind == .endorsement, let endorsed = c.learner.id {
            // An OB 2.0 endorsement has no name; OB 3.0 requires one.
            name = LocalizedString("Endorsement of \(endorsed)", language: plainTextLanguage ?? LocalizedString.undetermined)
            report.warn(.valueSubstituted, "the endorsement has no name; Open Badges 3.0 requires one, so \"Endorsement of \(endorsed)\" was written", at: .modelPath("name"))
        }
        guard let name, !name.isEmpty else {
            throw Diagnostic(.insufficientData, "the credential has no name (and no achievement name) to write", at: .modelPath("name"))
        }
        o.set("name", text(name, "name", into: &translations))
        if let d = c.description { o.set("description", text(d, "description", into: &translations)) }
        if let image = c.image { o.set("image", imageObject(image, at: "image", report: &report)) }

        guard let issuer = c.issuer else {
            throw Diagnostic(.insufficientData, "the credential has no issuer; Open Badges 3.0 requires one", at: .modelPath("issuer"))
        }
        o.set("issuer", .object(profileObject(issuer, role: "issuer", at: "issuer", report: &report)))
        guard let validFrom = c.validityStart?.value else {
            throw Diagnostic(.insufficientData, "the credential has no date of validity or issue; Open Badges 3.0 requires validFrom", at: .modelPath("validFrom"))
        }
        o.set("validFrom", .string(dateTimeStamp(validFrom, path: c.validityStart?.modelPath ?? "validFrom", report: &report)))
        o.set("validUntil", ifPresent: c.validUntil.map { .string(dateTimeStamp($0, path: "validUntil", report: &report)) })
        o.set("awardedDate", ifPresent: c.awardedDate.map { .string(dateTimeStamp($0, path: "awardedDate", report: &report)) })
        switch c.kind {
        case .achievement:
            o.set("credentialSubject", .object(try subjectObject(report: &report)))
        case .endorsement:
            var s = JSONObject()
            guard let id = c.learner.id else {
                throw Diagnostic(.insufficientData, "an endorsement needs the id of what it endorses", at: .modelPath("learner.id"))
            }
            s.set("id", .string(id))
            s.set("type", .array([.string("EndorsementSubject")]))
            var subjectTranslations = JSONObject()
            if let comment = c.endorsementComment {
                s.set("endorsementComment", text(comment, "endorsementComment", into: &subjectTranslations))
            }
            finishTranslations(&s, subjectTranslations)
            writeExtensions(c.learner.extensions, into: &s, report: &report)
            o.set("credentialSubject", .object(s))
        }

        if !c.evidence.isEmpty { o.set("evidence", .array(c.evidence.map { evidenceObject($0, report: &report) })) }
        writeEndorsements(c.endorsements, into: &o, at: "endorsements", report: &report)
        if !c.status.isEmpty { o.set("credentialStatus", serviceValue(c.status)) }
        if let refresh = c.refreshService { o.set("refreshService", serviceValue([refresh])) }
        if !c.termsOfUse.isEmpty { o.set("termsOfUse", serviceValue(c.termsOfUse)) }

        // Schemas: the official one, then any other the source declared (its extensions may need them).
        let officialSchema = c.kind == .achievement ? OB3Vocabulary.achievementCredentialSchema : OB3Vocabulary.endorsementCredentialSchema
        var schemas: [JSONValue] = [schemaReference(officialSchema)]
        for s in c.schemas where s.id != officialSchema && s.id != CredconvExtension.schemaIRI && !isOfficialSchema(s.id) {
            schemas.append(.object(s.jsonObject))
        }
        o.set("credentialSchema", .array(schemas))

        // credconv extension on the credential.
        if let type = c.credentialType { setExtension(&o, CredconvExtension.CredentialTerm.credentialType, conceptJSON(type)) }
        if let issued = c.issued, let date = dateTimeText(issued, at: "issued", report: &report) { setExtension(&o, CredconvExtension.CredentialTerm.issued, .string(date)) }
        if let lang = c.primaryLanguage, let tag = extensionLanguageTag(lang, at: "primaryLanguage", report: &report) {
            setExtension(&o, CredconvExtension.CredentialTerm.primaryLanguage, .string(tag))
        }
        if let awarding = c.awarding, c.kind == .endorsement {
            _ = awarding
            report.lose(.modelPath("awarding"), "an endorsement has no awarding process")
        }
        finishTranslations(&o, translations)
        writeExtensions(c.extensions, into: &o, report: &report)
        return o
    }

    func isOfficialSchema(_ id: String?) -> Bool {
        guard let id else { return false }
        return id.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/schema/")
    }

    func schemaReference(_ iri: String) -> JSONValue {
        .object(JSONObject(["id": .string(iri), "type": .string(OB3Vocabulary.schemaValidatorType)]))
    }

    func serviceValue(_ refs: [ServiceReference]) -> JSONValue {
        let values = refs.map { JSONValue.object($0.jsonObject) }
        return values.count == 1 ? values[0] : .array(values)
    }

    /// A VCDM date-time stamp: a date alone (`2011-06-01`, as OB 0.5 and Europass give them) is written
    /// as midnight UTC, with a warning.
    func dateTimeStamp(_ value: String, path: String, report: inout ConversionReport) -> String {
        guard value.count == 10, let stamp = ISODateText.dateTime(value) else { return value }
        report.warn(.dateNormalised, "the date \(value) is written as the date-time \(stamp) (Open Badges 3.0 dates are date-times)", at: .modelPath(path))
        return stamp
    }

    // MARK: texts

    /// A text as OB 3.0 wants it: a plain string in the preferred language. When that string alone would
    /// lose something (other languages, or a language tag other than the one plain strings stand for),
    /// every entry also goes into `translations`.
    func text(_ s: LocalizedString, _ property: String, into translations: inout JSONObject) -> JSONValue {
        let plainLanguage = plainTextLanguage ?? LocalizedString.undetermined
        if s.entries.count > 1 || s.entries.first?.language != plainLanguage {
            let map = ExtensionCodec.languageMap(s)
            if !map.isEmpty {
                translations.set(property, .object(map))
                usesCredconvExtension = true
            }
        }
        return .string(s.best(preferring: preferredLanguages))
    }

    /// A text inside a credconv extension term (a plain string or a language map).
    func textJSON(_ s: LocalizedString) -> JSONValue {
        ExtensionCodec.text(s, primaryLanguage: plainTextLanguage)
    }

    /// A Concept inside a credconv extension term.
    func conceptJSON(_ c: Concept) -> JSONValue {
        ExtensionCodec.json(c, primaryLanguage: plainTextLanguage)
    }

    /// Adds the collected `translations` member.
    func finishTranslations(_ o: inout JSONObject, _ translations: JSONObject) {
        if !translations.isEmpty { o.set(CredconvExtension.translations, .object(translations)) }
    }

    func setExtension(_ o: inout JSONObject, _ key: String, _ value: JSONValue) {
        o.set(key, value)
        usesCredconvExtension = true
    }

    // MARK: identifiers

    func generatedId(_ what: String, report: inout ConversionReport) -> String {
        let id = options.makeIdentifier()
        report.warn(.identifierMinted, "the \(what) was missing; Open Badges 3.0 requires one, so \(id) was made")
        return id
    }

    // MARK: extension bags

    /// Writes kept Open Badges fields back; reports fields from other families as lost.
    func writeExtensions(_ bag: ExtensionBag, into o: inout JSONObject, report: inout ConversionReport) {
        for f in bag.fields {
            if f.family == "ob3" && o[f.key] == nil {
                o.set(f.key, f.value)
            } else if f.family == "ob3" {
                report.lose(kept: f, "the property is now written from the model; the source value was not kept", writerFamily: OB3Reader.family)
            } else {
                report.lose(kept: f, "Open Badges 3.0 has no place for this \(f.family) property", writerFamily: OB3Reader.family)
            }
        }
    }
}

extension ServiceReference {
    /// `{"id", "type", …}`.
    var jsonObject: JSONObject {
        var o = JSONObject()
        o.set("id", ifPresent: id.map(JSONValue.string))
        o.set("type", .string(type))
        for m in properties ?? JSONObject() where m.key != "id" && m.key != "type" { o.set(m.key, m.value) }
        return o
    }
}
