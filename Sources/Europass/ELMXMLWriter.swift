import CredentialModel
import FormatInterface
import XMLSupport

/// Writes the model as unsigned Europass ELM v2 credential XML, schema 1.2.
///
/// The output follows the schema's element order, puts every referenced entity once into its
/// `*References` section, always gives `primaryLanguage` and `availableLanguages`, and gives every code
/// its `targetName` and `targetFrameworkName`. It validates against the official
/// `genericschema_1.2.xsd`. What ELM v2 cannot hold (a hashed email identity, results without an
/// assessment, texts in languages outside its 29) is named in the report. The output carries no proof:
/// it is unsigned derived data.
public struct ELMXMLWriter: Sendable {
    public var options: ELMXMLWriterOptions

    public init(options: ELMXMLWriterOptions = ELMXMLWriterOptions()) { self.options = options }

    /// Writes one credential.
    /// - Throws: ``Diagnostic`` when the model lacks what ELM v2 cannot do without (an issuer, a
    ///   date of issue, a title).
    public func write(_ credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        let credential = try credential.preparedForEuropass("Europass XML", report: &report)
        var context = ELMWriteContext(credential: credential, options: options, report: report)
        var root = try context.credentialNode()
        if context.ids.mintedAModelId {
            // A minted id equals one the model gave another node: write again around the model's ids.
            context = ELMWriteContext(credential: credential, options: options, report: report, reservedIds: context.ids.kept)
            root = try context.credentialNode()
        }
        root = ELMNodeIdentity.distinctNodes(root, mint: context.localId) { id, fresh in
            context.report.add(DocumentLocalIdentifiers.reusedIdentifier(id, writtenAs: fresh))
        }
        var bytes = Self.serialize(root)
        // Only kept source fragments can make the output ill-formed: parse it again only when it has some.
        if root.holdsRawXML, (try? XMLTree(parsing: bytes)) == nil {
            // A kept fragment did not fit (for example a namespace prefix the source declared elsewhere):
            // write without the kept fragments and say so.
            var stripped = root
            stripped.children.removeAll { $0.raw != nil }
            for f in credential.extensions.fields where f.family == ELMXMLReader.family {
                context.report.lose(kept: f, "the kept Europass XML could not be placed in the output", writerFamily: ELMXMLReader.family)
            }
            bytes = Self.serialize(stripped)
        }
        report = context.report
        return bytes
    }

    static func serialize(_ root: ELMNode) -> [UInt8] {
        var writer = XMLStreamWriter()
        writer.startDocument()
        root.write(to: &writer)
        return writer.finish()
    }
}

extension ELMWriteContext {
    /// `europassCredential`, in the order of `EuropassCredentialType`.
    func credentialNode() throws(Diagnostic) -> ELMNode {
        let c = credential
        if let signature = c.provenance.signature {
            report.warn(.unsignedOutput, "the input was \(signature.statement); the output is unsigned derived data")
        }
        var root = ELMNode("europassCredential")
        root.attribute("xmlns", ELMNamespaces.snb)
        root.attribute("xmlns:cred", ELMNamespaces.cred)
        root.attribute("xmlns:xsi", ELMNamespaces.xsi)
        root.attribute("cred:id", c.id.map(Self.credentialId) ?? "urn:credential:" + generated("credential id"))
        root.attribute("xsdVersion", ELMNamespaces.xsdVersion)
        root.attribute("xsi:schemaLocation", ELMNamespaces.schemaLocation12)

        root.add(kept("identifier"))
        root.add(codeNode("type", c.credentialType ?? EUVocabulary.credentialGeneric, path: "credentialType", scheme: EUVocabulary.credentialTypeScheme)
            ?? codeNode("type", EUVocabulary.credentialGeneric, path: "credentialType", scheme: EUVocabulary.credentialTypeScheme))
        root.add(ELMNode("primaryLanguage", text: primaryLanguage))
        let availableIndex = root.children.count
        root.add(dateTimeNode("validFrom", c.validFrom, path: "validFrom", prefix: "cred"))
        guard let issued = c.dateOfIssue?.value, let issuedNode = dateTimeNode("issued", issued, path: "issued", prefix: "cred") else {
            throw Diagnostic(.insufficientData, "the credential has no date of issue; Europass XML requires cred:issued", at: .modelPath("issued"))
        }
        root.add(issuedNode)
        root.add(dateTimeNode("validUntil", c.validUntil, path: "validUntil", prefix: "cred"))
        guard let issuer = c.issuer else {
            throw Diagnostic(.insufficientData, "the credential has no issuer; Europass XML requires one", at: .modelPath("issuer"))
        }
        var issuerNode = ELMNode("issuer", prefix: "cred")
        issuerNode.attribute("idref", organizationReference(issuer, role: "issuer", at: "issuer"))
        root.add(issuerNode)
        guard let title = c.name ?? c.achievement?.name, !title.isEmpty else {
            throw Diagnostic(.insufficientData, "the credential has no title (and no achievement name); Europass XML requires one", at: .modelPath("name"))
        }
        root.add(textNode("title", title, path: "name", required: true))
        if let d = c.description { root.add(textNode("description", d, path: "description")) }
        root.add(try subjectNode())

        // Reference sections, in schema order.
        root.add(section("learningSpecificationReferences", specifications))
        root.add(section("learningOutcomeReferences", learningOutcomes))
        root.add(section("assessmentSpecificationReferences", assessmentSpecifications))
        root.add(section("agentReferences", organizations.compactMap(\.node)))
        root.add(section("awardingProcessReferences", awardingProcesses))
        root.add(section("accreditationReferences", accreditations))
        root.add(section("scoringSchemeReferences", scoringSchemes))
        root.add(kept("displayParameters"))
        root.add(kept("attachmentList"))

        // availableLanguages: every language the texts use, primary first.
        var available = ELMNode("availableLanguages")
        let languages = [primaryLanguage] + usedLanguages.filter { $0 != primaryLanguage }
        for l in languages { available.add(ELMNode("language", text: l)) }
        root.children.insert(available, at: availableIndex)

        reportLosses()
        return root
    }

    /// A kept Europass XML fragment of the source (display parameters, attachments, identifiers).
    func kept(_ name: String) -> [ELMNode] {
        credential.extensions.fields.filter { $0.family == ELMXMLReader.family && $0.key == name }.compactMap { f in
            f.value.stringValue.map(ELMNode.raw)
        }
    }

    func section(_ name: String, _ entries: [ELMNode]) -> ELMNode? {
        guard !entries.isEmpty else { return nil }
        var n = ELMNode(name)
        n.add(entries)
        return n
    }

    /// A credential id as `IdType` wants it (an absolute URI).
    static func credentialId(_ id: String) -> String { id }

    func generated(_ what: String) -> String {
        let id = options.makeIdentifier()
        report.warn(.identifierMinted, "the \(what) was missing; Europass XML requires one, so \(id) was made")
        return id.hasPrefix("urn:uuid:") ? String(id.dropFirst(9)) : id
    }

    // MARK: the person

    func subjectNode() throws(Diagnostic) -> ELMNode {
        let c = credential
        let l = c.learner
        var s = ELMNode("credentialSubject")
        s.attribute("id", nodeId(l.id, kind: "person"))
        let nationalIndex = l.identifiers.firstIndex { $0.type == Identifier.Kind.nationalId }
        let national = nationalIndex.map { l.identifiers[$0] }
        for id in l.identifiers where id.type != Identifier.Kind.nationalId { s.add(identifierNode("identifier", id)) }
        let email = l.email ?? l.identities.first { !$0.hashed && $0.identityType == "emailAddress" }?.identityHash
        if let email {
            var contact = ELMNode("contactPoint")
            var mailbox = ELMNode("mailBox")
            mailbox.attribute("uri", EmailAddress.mailtoIRI(email))
            contact.add(mailbox)
            s.add(contact)
        }
        for (i, identity) in l.identities.enumerated() where !((identity.identityType == "emailAddress") && !identity.hashed && identity.identityHash == email) {
            report.lose(.modelPath("learner.identities[\(i)]"), identity.hashed
                ? "Europass XML has no place for a hashed identity (\(identity.identityType))"
                : "Europass XML keeps one email address; this \(identity.identityType) identity has no place")
        }
        if let national, let nationalIndex, let n = legalIdentifierNode("nationalId", national, path: "learner.identifiers[\(nationalIndex)]") {
            if national.spatial == nil { report.warn(.valueMissing, "the learner's national id has no country; the issuer's country was written", at: .modelPath("learner.identifiers[\(nationalIndex)]")) }
            s.add(n)
        }
        if let full = l.fullName { s.add(textNode("fullName", full, path: "learner.fullName")) }
        // givenNames and familyName are required; an unknown name is an empty element, never an invented one.
        if l.givenName == nil || l.familyName == nil {
            report.warn(.valueMissing, "the learner's given or family name is unknown; Europass XML requires both, so the element is empty")
        }
        s.add(l.givenName.flatMap { textNode("givenNames", $0, path: "learner.givenName", required: true) } ?? ELMNode("givenNames"))
        s.add(l.familyName.flatMap { textNode("familyName", $0, path: "learner.familyName", required: true) } ?? ELMNode("familyName"))
        if let dob = l.dateOfBirth {
            if let d = Self.date(dob) { s.add(ELMNode("dateOfBirth", text: d)) } else { report.lose(.modelPath("learner.dateOfBirth"), "\"\(dob)\" is not a date", code: .valueNotExpressible) }
        }
        if let place = l.placeOfBirth, let code = codeNode("spatialCode", place, path: "learner.placeOfBirth") {
            var location = ELMNode("placeOfBirth")
            location.add(code)
            s.add(location)
        }
        if let g = l.gender { s.add(codeNode("gender", g, path: "learner.gender")) }
        for (i, citizenship) in l.citizenship.enumerated() { s.add(codeNode("citizenshipCountry", citizenship, path: "learner.citizenship[\(i)]")) }
        if l.id == nil && l.fullName == nil && l.givenName == nil { report.warn(.valueMissing, "the learner is not identified") }
        for f in l.extensions.fields { report.lose(kept: f, f.family == ELMXMLReader.family ? "kept Europass XML of the person is not written back" : "Europass XML has no place for this \(f.family) property", writerFamily: ELMXMLReader.family) }

        if let achievement = c.achievement {
            var achievements = ELMNode("achievements")
            achievements.add(try learningAchievementNode(achievement, assessment: c.assessment, awarding: c.awarding, path: "achievement", isTop: true))
            for (i, other) in c.otherAchievements.enumerated() {
                achievements.add(try learningAchievementNode(other, assessment: other.partAssessment, awarding: nil, path: "otherAchievements[\(i)]", isTop: false))
            }
            s.add(achievements)
        } else {
            report.warn(.valueMissing, "the credential holds no achievement; the Europass credential has no learningAchievement")
        }
        return s
    }

    /// Everything of the model that ELM v2 has no element for.
    func reportLosses() {
        let c = credential
        if let v = c.creditsEarned { report.lose(.modelPath("creditsEarned"), "Europass XML has no credits earned apart from the specification's credit points (\(v))") }
        for (name, value) in [("activityStartDate", c.activityStartDate), ("activityEndDate", c.activityEndDate), ("term", c.term), ("role", c.role), ("licenseNumber", c.licenseNumber)] where value != nil {
            report.lose(.modelPath(name), "Europass XML achievements have no \(name)")
        }
        if c.narrative != nil { report.lose(.modelPath("narrative"), "Europass XML has no narrative of the learner's work") }
        if c.subjectImage != nil { report.lose(.modelPath("subjectImage"), "Europass XML has no image of the award") }
        if c.image != nil { report.lose(.modelPath("image"), "Europass XML credentials have no image apart from display parameters") }
        if c.source != nil { report.lose(.modelPath("source"), "Europass XML has no source organisation") }
        for (i, _) in c.evidence.enumerated() { report.lose(.modelPath("evidence[\(i)]"), "Europass XML v2 has no evidence") }
        for (i, _) in c.endorsements.enumerated() { report.lose(.modelPath("endorsements[\(i)]"), "Europass XML has no endorsements") }
        for (i, s) in c.status.enumerated() { report.lose(.modelPath("status[\(i)]"), "Europass XML has no credential status service (\(s.type))") }
        if c.refreshService != nil { report.lose(.modelPath("refreshService"), "Europass XML has no refresh service") }
        for (i, _) in c.termsOfUse.enumerated() { report.lose(.modelPath("termsOfUse[\(i)]"), "Europass XML has no terms of use") }
        if c.awardedDate != nil && c.awarding?.date == nil && c.achievement == nil { report.lose(.modelPath("awardedDate"), "without an achievement there is no awarding process for the date") }
        for f in c.extensions.fields where f.family != ELMXMLReader.family { report.lose(kept: f, "Europass XML has no place for this \(f.family) property", writerFamily: ELMXMLReader.family) }
        if c.kind == .endorsement { report.lose(.modelPath("kind"), "Europass XML has no endorsement credentials; written as an ordinary credential") }
    }
}
