import CredconvJSON
import CredentialModel
import FormatInterface
import Foundation

/// Writes the model as an unsigned Europass ELM v3 (EDC) JSON-LD credential, for the
/// `edc-generic-full` application profile.
///
/// Every node has an `id` and `type`; nested nodes the model has no id for get document-local
/// `urn:epass:<kind>:<n>` ids, as the EDC tools make them. Concepts carry their scheme and labels.
/// Languages without a tag are written in the primary language. The output carries no proof: it is
/// unsigned derived data. Whatever ELM v3 cannot hold, and whatever the EDC shapes require that the model
/// does not know (an eIDAS identifier of the issuer, a page image), is named in the report.
public struct ELM3Writer: Sendable {
    public var options: ELM3WriterOptions

    public init(options: ELM3WriterOptions = ELM3WriterOptions()) { self.options = options }

    /// Writes one credential.
    /// - Throws: ``Diagnostic`` when the model lacks what ELM cannot do without (an issuer, a title).
    public func write(_ credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> JSONValue {
        let credential = try credential.preparedForEuropass("ELM v3", report: &report)
        var context = ELM3WriteContext(credential: credential, options: options, report: report)
        var out = try context.credentialObject()
        if context.ids.mintedAModelId {
            // A minted id equals one the model gave another node: write again around the model's ids.
            context = ELM3WriteContext(credential: credential, options: options, report: report, reservedIds: context.ids.kept)
            out = try context.credentialObject()
        }
        let unified = ELM3NodeIdentity.unifyingConcepts(.object(out), written: context.writtenConcepts)
        let distinct = ELM3NodeIdentity.distinctNodes(unified, mint: context.localId) { id, path in
            context.report.add(DocumentLocalIdentifiers.reusedIdentifier(id, writtenAs: path))
        }
        report = context.report
        return distinct
    }

    /// Whether the credential holds a page picture kept from an ELM v3 input (so none need be rendered).
    public static func hasKeptPageImage(_ credential: Credential) -> Bool {
        credential.extensions.fields.contains { $0.family == ELM3Reader.family && $0.key == "displayParameter.individualDisplay" }
    }
}

extension ELM3WriteContext {
    func credentialObject() throws(Diagnostic) -> JSONObject {
        let c = credential
        if let signature = c.provenance.signature {
            report.warn(.unsignedOutput, "the input was \(signature.statement); the output is unsigned derived data")
        }
        guard let issuer = c.issuer else { throw Diagnostic(.insufficientData, "the credential has no issuer to write", at: .modelPath("issuer")) }
        guard let title = c.name ?? c.achievement?.name, !title.isEmpty else {
            throw Diagnostic(.insufficientData, "the credential has no title (and no achievement name) to write", at: .modelPath("name"))
        }
        var o = JSONObject()
        o.set("@context", .array([.string(ELM3Vocabulary.credentialsV1Context), .string(ELM3Vocabulary.context)]))
        o.set("id", .string(c.id.flatMap { isIRI($0) ? nodeId($0, kind: "credential") : nil } ?? generated("credential id")))
        o.set("type", .array([.string("VerifiableCredential"), .string("EuropeanDigitalCredential")]))
        o.set("credentialProfiles", credentialProfile())
        o.set("displayParameter", displayParameter(title: title))
        var schema = JSONObject()
        schema.set("id", .string(ELM3Vocabulary.genericFullProfile))
        schema.set("type", .string(ELM3Vocabulary.shaclValidatorType))
        o.set("credentialSchema", .object(schema))
        // The issuer first: where it recurs (awarding body, assessor) the same node is written again.
        let issuerNode = organization(issuer, role: "issuer", isIssuer: true)
        o.set("credentialSubject", .object(person()))
        o.set("issuer", issuerNode)
        let issued = c.dateOfIssue?.value
        if let derived = c.dateOfIssue, derived.modelPath != "issued" {
            report.warn(.valueSubstituted, "the credential states no date of issue; its \(derived.modelPath) was written as issued", at: .modelPath("issued"))
        }
        guard let issuedValue = dateTime(issued, path: "issued") else {
            throw Diagnostic(.insufficientData, "the credential has no date of issue (or award, or validity) to write", at: .modelPath("issued"))
        }
        o.set("issued", issuedValue)
        o.set("validFrom", dateTime(c.validFrom ?? issued, path: "validFrom") ?? issuedValue)
        o.set("validUntil", ifPresent: dateTime(c.validUntil, path: "validUntil"))
        reportCredentialLosses()
        for f in c.extensions.fields where !f.key.hasPrefix("displayParameter.") {
            if f.family == ELM3Reader.family, o[f.key] == nil {
                o.set(f.key, f.value)
            } else {
                report.lose(kept: f, "ELM v3 has no place for this \(f.family) property", writerFamily: ELM3Reader.family)
            }
        }
        return o
    }

    func credentialProfile() -> JSONValue {
        if let type = credential.credentialType, let id = type.id, id.hasPrefix("http://data.europa.eu/snb/credential/"),
            let written = concept(type, path: "credentialType")
        {
            return written
        }
        if let type = credential.credentialType { report.lose(.modelPath("credentialType"), "\(type.displayText()) is no EDC credential profile; the Generic profile was written") }
        return concept(EUVocabulary.credentialGeneric, path: "credentialType") ?? .null
    }

    /// `displayParameter`: title, description, languages and the page picture.
    func displayParameter(title: LocalizedString) -> JSONValue {
        let c = credential
        var d = node("DisplayParameter", id: localId("displayParameter"))
        d.set("title", ifPresent: languageMap(title, path: "name"))
        d.set("description", ifPresent: languageMap(c.description, path: "description"))
        var languages: [String] = [primaryLanguage]
        for text in [title, c.description, c.achievement?.name, c.achievement?.description].compactMap({ $0 }) {
            for l in text.languages where l != LocalizedString.undetermined && !languages.contains(l) { languages.append(l) }
        }
        d.set("language", ifPresent: many(languages.enumerated().compactMap { languageConcept($0.element, path: "languages[\($0.offset)]") }))
        let primary = languageConcept(primaryLanguage, path: "primaryLanguage")
        d.set("primaryLanguage", ifPresent: primary)
        if let jpeg = options.pageImageJPEG {
            var detail = node("DisplayDetail", id: localId("displayDetail"))
            detail.set("image", mediaObject(base64: Data(jpeg).base64EncodedString(), fileType: "JPEG", path: "displayParameter.image"))
            detail.set("page", .integer(1))
            var individual = node("IndividualDisplay", id: localId("individualDisplay"))
            individual.set("language", ifPresent: primary)
            individual.set("displayDetail", .object(detail))
            d.set("individualDisplay", .object(individual))
        } else if let kept = c.extensions.fields.first(where: { $0.family == ELM3Reader.family && $0.key == "displayParameter.individualDisplay" }) {
            d.set("individualDisplay", kept.value)
        } else {
            report.warn(.pageImageNotRendered, "no page image was made (it needs chromium and pdftoppm); the EDC shapes require one (displayParameter.individualDisplay)")
        }
        for f in c.extensions.fields where f.family == ELM3Reader.family && f.key.hasPrefix("displayParameter.") && f.key != "displayParameter.individualDisplay" {
            let key = String(f.key.dropFirst("displayParameter.".count))
            if d[key] == nil { d.set(key, f.value) }
        }
        return .object(d)
    }

    /// What the model holds about the credential that ELM v3 has no place for.
    func reportCredentialLosses() {
        let c = credential
        if c.image != nil { report.lose(.modelPath("image"), "ELM v3 credentials have no image apart from the page picture") }
        if let v = c.creditsEarned { report.lose(.modelPath("creditsEarned"), "credconv writes credit points on the specification, not credits received (\(v))") }
        for (name, value) in [("activityStartDate", c.activityStartDate), ("activityEndDate", c.activityEndDate), ("term", c.term), ("role", c.role), ("licenseNumber", c.licenseNumber)] where value != nil {
            report.lose(.modelPath(name), "ELM v3 achievements have no \(name)")
        }
        if c.narrative != nil { report.lose(.modelPath("narrative"), "ELM v3 has no narrative of the learner's work") }
        if c.subjectImage != nil { report.lose(.modelPath("subjectImage"), "ELM v3 persons have no image") }
        if c.source != nil { report.lose(.modelPath("source"), "ELM v3 has no separate source organisation") }
        if c.endorsementComment != nil { report.lose(.modelPath("endorsementComment"), "ELM v3 has no endorsements") }
        for (i, _) in c.evidence.enumerated() { report.lose(.modelPath("evidence[\(i)]"), "credconv does not write ELM evidence yet") }
        for (i, _) in c.endorsements.enumerated() { report.lose(.modelPath("endorsements[\(i)]"), "ELM v3 has no endorsements") }
        for (i, _) in c.status.enumerated() { report.lose(.modelPath("status[\(i)]"), "a status service of the original does not apply to derived data") }
        if c.refreshService != nil { report.lose(.modelPath("refreshService"), "a refresh service of the original does not apply to derived data") }
        for (i, _) in c.termsOfUse.enumerated() { report.lose(.modelPath("termsOfUse[\(i)]"), "ELM v3 credentials have no terms of use") }
    }
}
