import CredentialModel

extension ELMWriteContext {
    // MARK: achievements

    /// A `learningAchievement` (inline), registering its specification, assessment specification and
    /// awarding process in their reference sections.
    func learningAchievementNode(_ a: Achievement, assessment: Assessment?, awarding: Awarding?, path: String, isTop: Bool) throws(Diagnostic) -> ELMNode {
        var n = ELMNode("learningAchievement")
        n.attribute("id", nodeId(a.awardId, kind: "learningAchievement"))
        guard let name = a.name, !name.isEmpty else {
            throw Diagnostic(.insufficientData, "an achievement has no name; Europass XML requires a title", at: .modelPath("\(path).name"))
        }
        n.add(textNode("title", name, path: "\(path).name", required: true))
        if let d = a.description { n.add(noteNode("description", d, path: "\(path).description")) }
        if let assessment, assessment.grade != nil {
            n.add(assessmentNode(assessment, of: a, path: isTop ? "assessment" : "\(path).partAssessment"))
        } else if let assessment {
            report.lose(.modelPath(isTop ? "assessment" : "\(path).partAssessment"), "a Europass assessment needs a grade; this one has none" + (assessment.title.map { " (\($0.best()))" } ?? ""))
        }
        if isTop {
            let process = awarding ?? defaultAwarding()
            if let process { n.add(reference("wasAwardedBy", awardingProcessReference(process, path: "awarding"))) }
        } else if let process = a.partAwarding {
            n.add(reference("wasAwardedBy", awardingProcessReference(process, path: "\(path).partAwarding")))
        }
        if !a.parts.isEmpty {
            var parts = ELMNode("hasPart")
            for (i, part) in a.parts.enumerated() {
                parts.add(try learningAchievementNode(part, assessment: part.partAssessment, awarding: nil, path: "\(path).parts[\(i)]", isTop: false))
            }
            n.add(parts)
        }
        n.add(reference("specifiedBy", specificationReference(a, path: path)))
        return n
    }

    /// The awarding process implied when the model has none: the issuer awarded it on the award date.
    private func defaultAwarding() -> Awarding? {
        guard let issuer = credential.issuer else { return nil }
        var a = Awarding()
        a.bodies = [issuer]
        a.date = credential.awardedDate
        return a
    }

    func reference(_ name: String, _ id: String) -> ELMNode {
        var n = ELMNode(name)
        n.attribute("idref", id)
        return n
    }

    func awardingProcessReference(_ awarding: Awarding, path: String) -> String {
        let id = localId("awardingProcess")
        var n = ELMNode("awardingProcess")
        n.attribute("id", id)
        if let d = awarding.description { n.add(noteNode("description", d, path: "\(path).description")) }
        var bodies = awarding.bodies
        if bodies.isEmpty, let issuer = credential.issuer {
            bodies = [issuer]
            report.warn(.valueMissing, "the awarding process names no awarding body; the issuer is written as the awarding body", at: .modelPath(path))
        }
        for (i, body) in bodies.enumerated() {
            let bodyPath = awarding.bodies.isEmpty ? "issuer" : "\(path).bodies[\(i)]"
            n.add(reference("awardingBody", organizationReference(body, role: "awarding body", at: bodyPath)))
        }
        if let place = awarding.location, let name = textNode("name", place, path: "\(path).location") {
            var location = ELMNode("location")
            location.add(name)
            n.add(location)
        }
        n.add(dateTimeNode("date", awarding.date ?? credential.awardedDate, path: "\(path).date"))
        awardingProcesses.append(n)
        return id
    }

    // MARK: specifications

    /// Registers the achievement's specification (a `qualification` when it has qualification-only
    /// properties, else a `learningSpecification`) and returns its id.
    func specificationReference(_ a: Achievement, path: String) -> String {
        let id = nodeId(a.id, kind: "learningSpecification")
        if specifications.contains(where: { $0.attributes.contains { $0.name == "id" && $0.value == id } }) { return id }
        let isQualification = a.eqfLevel != nil || !a.nqfLevels.isEmpty || a.isPartialQualification != nil
            || a.qualityAssurance.contains { $0.body != nil && $0.type?.id != nil }
        var n = ELMNode(isQualification ? "qualification" : "learningSpecification")
        n.attribute("id", id)
        // LearningSpecificationElements, in order.
        for identifier in a.identifiers { n.add(identifierNode("identifier", identifier)) }
        if let type = a.specificationType { n.add(codeNode("type", type, path: "\(path).specificationType")) }
        if let title = a.specificationName ?? a.name { n.add(textNode("title", title, path: "\(path).name", required: true)) }
        if let d = a.specificationDescription ?? a.description { n.add(noteNode("description", d, path: "\(path).description")) }
        for (i, note) in a.notes.enumerated() { n.add(noteNode("additionalNote", note.text, subject: note.subject, path: "\(path).notes[\(i)]")) }
        if let s = a.stackability { n.add(noteNode("additionalNote", s, subject: QualificationTopics.pathways, path: "\(path).stackability")) }
        for (i, qa) in a.qualityAssurance.enumerated() where !(isQualification && qa.body != nil && qa.type?.id != nil) {
            // Quality assurance without an accrediting agent and type code is a note on QA.
            let text = [qa.type?.label?.best(preferring: [primaryLanguage]), qa.body?.name?.best(preferring: [primaryLanguage]), qa.note?.best(preferring: [primaryLanguage])]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
            let note = qa.note.flatMap { $0.entries.count > 1 && qa.body == nil && qa.type == nil ? $0 : nil } ?? LocalizedString(text, language: primaryLanguage)
            n.add(noteNode("additionalNote", note, subject: QualificationTopics.qualityAssurance, path: "\(path).qualityAssurance[\(i)]"))
            if qa.body != nil || qa.url != nil || qa.validUntil != nil {
                report.warn(.writtenDifferently, "quality assurance without an accreditation type code is written as a note", at: .modelPath("\(path).qualityAssurance[\(i)]"))
            }
        }
        for (i, url) in a.homepages.enumerated() { n.add(documentNode("homepage", url, path: "\(path).homepages[\(i)]")) }
        for (i, url) in a.supplementaryDocuments.enumerated() { n.add(documentNode("supplementaryDoc", url, path: "\(path).supplementaryDocuments[\(i)]")) }
        for (i, area) in a.thematicAreas.enumerated() { n.add(codeNode("hasISCED-FCode", area, path: "\(path).thematicAreas[\(i)]", scheme: EUVocabulary.iscedFScheme)) }
        if let w = a.workload { n.add(durationNode("volumeOfLearning", w, path: "\(path).workload")) }
        // Each with its model path: the credits, then the additional ones.
        var credits = [a.credits].compactMap { $0 }.map { (path: "\(path).credits", value: $0) }
            + a.additionalCredits.enumerated().map { (path: "\(path).additionalCredits[\($0.offset)]", value: $0.element) }
        if let ects = credits.firstIndex(where: { $0.value.isECTS }) {
            if let points = decimal(credits[ects].value.value, path: "\(credits[ects].path).value") {
                var e = ELMNode("hasECTSCreditPoints", text: points)
                e.attribute("schemeID", CreditSystems.ectsSchemeID)
                n.add(e)
            }
            credits.remove(at: ects)
        }
        for (creditsPath, c) in credits {
            guard let points = decimal(c.value, path: "\(creditsPath).value") else { continue }
            var e = ELMNode("hasCreditPoints", text: points)
            if CreditSystems.isECVET(c.system) { e.attribute("schemeID", CreditSystems.ecvetSchemeID) }
            else if let system = c.system { report.lose(.modelPath("\(creditsPath).system"), "Europass XML names only ECTS and ECVET credit systems; \(system.displayText()) is written as unspecified", code: .valueNotExpressible) }
            n.add(e)
        }
        for (i, language) in a.languages.enumerated() {
            guard let iri = LanguageCode.euAuthorityIRI(fromBCP47: language), let concept = EUVocabulary.concept(forIRI: iri) else {
                report.lose(.modelPath("\(path).languages[\(i)]"), "no EU language code for \(language)", code: .valueNotExpressible)
                continue
            }
            n.add(codeNode("language", concept, path: "\(path).languages[\(i)]"))
        }
        if let mode = a.participationForm { n.add(codeNode("mode", mode, path: "\(path).participationForm")) }
        if let setting = a.learningSetting { n.add(codeNode("learningSettingType", setting, path: "\(path).learningSetting", scheme: EUVocabulary.learningSettingScheme)) }
        if let d = a.duration { n.add(ELMNode("duration", text: d)) }
        if let p = a.prerequisites { n.add(noteNode("entryRequirementsNote", p, path: "\(path).prerequisites")) }
        if !a.learningOutcomes.isEmpty {
            var list = ELMNode("learningOutcomes")
            for (i, lo) in a.learningOutcomes.enumerated() { list.add(reference("learningOutcome", learningOutcomeReference(lo, path: "\(path).learningOutcomes[\(i)]"))) }
            n.add(list)
        }
        if a.assessmentType != nil || assessment(of: a)?.gradingScheme != nil {
            n.add(reference("assessmentSpecification", assessmentSpecificationFor(a, path: path)))
        }
        if isQualification {
            if let p = a.isPartialQualification { n.add(ELMNode("isPartialQualification", text: p ? "true" : "false")) }
            if let eqf = a.eqfLevel { n.add(codeNode("eqfLevel", eqf, path: "\(path).eqfLevel", scheme: EUVocabulary.eqfScheme)) }
            for (i, nqf) in a.nqfLevels.enumerated() { n.add(codeNode("nqfLevel", nqf, path: "\(path).nqfLevels[\(i)]", scheme: EUVocabulary.nqfScheme)) }
            for (i, qa) in a.qualityAssurance.enumerated() where qa.body != nil && qa.type?.id != nil {
                n.add(reference("hasAccreditation", accreditationReference(qa, path: "\(path).qualityAssurance[\(i)]")))
            }
        }
        for r in a.relations where r.kind == .isPartOf { n.add(reference("specializationOf", r.id)) }
        if isQualification, n.children.filter({ $0.name == "specializationOf" }).count > 1 {
            // A qualification specialises at most one other.
            var seen = false
            n.children.removeAll { c in
                guard c.name == "specializationOf" else { return false }
                defer { seen = true }
                return seen
            }
            report.lose(.modelPath("\(path).relations"), "a qualification is part of one other at most in Europass XML", code: .repeatedValue)
        }
        reportSpecificationLosses(a, path: path)
        specifications.append(n)
        return id
    }

    private func reportSpecificationLosses(_ a: Achievement, path: String) {
        if a.criteria != nil { report.lose(.modelPath("\(path).criteria"), "Europass XML has no criteria apart from learning outcomes and entry requirements") }
        if a.image != nil { report.lose(.modelPath("\(path).image"), "Europass XML specifications have no image") }
        if !a.tags.isEmpty { report.lose(.modelPath("\(path).tags"), "Europass XML has no tags") }
        if a.fieldOfStudy != nil { report.lose(.modelPath("\(path).fieldOfStudy"), "Europass XML codes fields of study (ISCED-F); the free text has no place") }
        if a.specialization != nil { report.lose(.modelPath("\(path).specialization"), "Europass XML has no specialisation text") }
        if a.humanCode != nil { report.lose(.modelPath("\(path).humanCode"), "Europass XML has no human code") }
        if a.version != nil { report.lose(.modelPath("\(path).version"), "Europass XML has no version") }
        if a.achievementType != nil && a.specificationType == nil { report.lose(.modelPath("\(path).achievementType"), "Open Badges achievement types have no Europass code", code: .valueNotExpressible) }
        if a.learningOutcomeSummary != nil { report.lose(.modelPath("\(path).learningOutcomeSummary"), "Europass XML v2 has no learning outcome summary") }
        for (i, _) in a.alignments.enumerated() { report.lose(.modelPath("\(path).alignments[\(i)]"), "Europass XML has no alignments apart from levels and skills") }
        for r in a.relations where r.kind != .isPartOf { report.lose(.modelPath("\(path).relations"), "Europass XML links specifications only as part of (specializationOf); \(r.kind.rawValue) \(r.id) has no place") }
        if a.creator != nil { report.lose(.modelPath("\(path).creator"), "Europass XML specifications have no creator") }
        for (i, _) in a.endorsements.enumerated() { report.lose(.modelPath("\(path).endorsements[\(i)]"), "Europass XML has no endorsements") }
        for f in a.extensions.fields { report.lose(kept: f, "Europass XML has no place for this \(f.family) property", writerFamily: ELMXMLReader.family) }
    }

    func learningOutcomeReference(_ lo: LearningOutcome, path: String) -> String {
        let id = nodeId(lo.id, kind: "learningOutcome")
        if learningOutcomes.contains(where: { $0.attributes.contains { $0.name == "id" && $0.value == id } }) { return id }
        var n = ELMNode("learningOutcome")
        n.attribute("id", id)
        n.add(textNode("prefLabel", lo.text, path: path, required: true))
        if let t = lo.skillType { n.add(codeNode("learningOutcomeType", t, path: "\(path).skillType")) }
        if let r = lo.reuseLevel { n.add(codeNode("reusabilityLevel", r, path: "\(path).reuseLevel")) }
        var esco: [ELMNode] = []
        for (i, skillConcept) in lo.relatedSkills.enumerated() {
            guard let skill = skillConcept.id else { report.lose(.modelPath("\(path).relatedSkills[\(i)]"), "a related skill without an IRI", code: .valueNotExpressible); continue }
            // ESCO skills have their scheme; for other frameworks the IRI's origin stands for the framework.
            let isESCO = skill.hasPrefix("http://data.europa.eu/esco/")
            var concept = skillConcept
            if isESCO, let scheme = concept.scheme, scheme != EUVocabulary.escoSkillSchemeV2 {
                report.warn(.writtenDifferently, "ESCO skills are written in the scheme Europass XML names \(EUVocabulary.escoSkillSchemeV2), not \(scheme)", at: .modelPath("\(path).relatedSkills[\(i)].scheme"))
            }
            if concept.scheme == nil || isESCO { concept.scheme = isESCO ? EUVocabulary.escoSkillSchemeV2 : Self.origin(of: skill) }
            if isESCO && concept.notation == nil { concept.notation = "Skill" }
            if concept.label == nil { concept.label = lo.text }
            if isESCO {
                esco.append(contentsOf: [codeNode("relatedEscoSkill", concept, path: "\(path).relatedSkills[\(i)]")].compactMap { $0 })
            } else {
                n.add(codeNode("relatedSkill", concept, path: "\(path).relatedSkills[\(i)]"))
            }
        }
        n.add(esco)
        learningOutcomes.append(n)
        return id
    }

    /// The assessment of an achievement: the credential's for the top achievement, a part's own for a part.
    func assessment(of a: Achievement) -> Assessment? {
        a.awardId == credential.achievement?.awardId && a.id == credential.achievement?.id ? credential.assessment : a.partAssessment
    }

    /// The one assessment specification of an achievement (its assessment type and grading scheme),
    /// shared by the specification and the assessment that refer to it.
    func assessmentSpecificationFor(_ a: Achievement, path: String) -> String {
        let key = a.awardId ?? a.id ?? path
        if let known = assessmentSpecificationIds[key] { return known }
        let id = assessmentSpecificationReference(type: a.assessmentType, scheme: assessment(of: a)?.gradingScheme, path: path)
        assessmentSpecificationIds[key] = id
        return id
    }

    func assessmentSpecificationReference(type: Concept?, scheme: Concept?, path: String) -> String {
        let id = localId("assessmentSpecification")
        var n = ELMNode("assessmentSpecification")
        n.attribute("id", id)
        if let type {
            if Self.isCodable(type) {
                n.add(codeNode("type", type, path: "\(path).assessmentType"))
            } else if let label = type.label ?? type.id.map({ LocalizedString($0) }) {
                // Europass XML codes need an http(s) scheme; the type of assessment (an Annex I element) is
                // then kept as the specification's description, which the reader takes back as the type.
                report.warn(.writtenDifferently, "the assessment type \(type.displayText()) has no http(s) scheme; it is written as the assessment specification's description", at: .modelPath("\(path).assessmentType"))
                n.add(textNode("description", label, path: "\(path).assessmentType"))
            }
        }
        if let scheme, scheme.id != nil || scheme.label != nil {
            let schemeId = nodeId(scheme.id.flatMap { $0.hasPrefix("urn:") || $0.hasPrefix("http") ? $0 : nil }, kind: "scoringScheme")
            if !scoringSchemes.contains(where: { $0.attributes.contains { $0.name == "id" && $0.value == schemeId } }) {
                var s = ELMNode("scoringScheme")
                s.attribute("id", schemeId)
                if let label = scheme.label { s.add(textNode("title", label, path: "assessment.gradingScheme")) }
                scoringSchemes.append(s)
            }
            var g = ELMNode("gradingScheme")
            g.attribute("idref", schemeId)
            n.add(g)
        }
        assessmentSpecifications.append(n)
        return id
    }

    /// An assessment (`wasDerivedFrom`, inline): title, grade, date, identity verification, assessor, specification.
    func assessmentNode(_ x: Assessment, of a: Achievement, path: String) -> ELMNode? {
        var n = ELMNode("wasDerivedFrom")
        n.attribute("id", nodeId(x.id, kind: "assessment"))
        n.add(textNode("title", x.title ?? a.name ?? LocalizedString("Assessment", language: "en"), path: "\(path).title", required: true))
        if x.title == nil { report.warn(.valueSubstituted, "the assessment has no title; the achievement's name was written", at: .modelPath(path)) }
        var grade = ELMNode("grade", text: x.grade?.best(preferring: [primaryLanguage]) ?? "")
        if let scheme = x.gradingScheme, scheme.id == nil, scheme.label == nil, let notation = scheme.notation { grade.attribute("schemeID", notation) }
        n.add(grade)
        if let grade = x.grade, grade.entries.count > 1 { report.lose(.modelPath("\(path).grade"), "a Europass grade is one text; other languages dropped", code: .repeatedValue) }
        if let d = x.date { n.add(dateTimeNode("issuedDate", d, path: "\(path).date")) }
        if let v = x.identityVerification ?? a.supervision {
            n.add(codeNode("idVerificationMethod", v, path: "\(path).identityVerification", scheme: EUVocabulary.supervisionScheme))
        }
        if let assessor = x.assessor { n.add(reference("assessedBy", organizationReference(assessor, role: "assessor", at: "\(path).assessor"))) }
        if (x.gradingScheme.map { $0.id != nil || $0.label != nil } ?? false) || a.assessmentType != nil {
            n.add(reference("specifiedBy", assessmentSpecificationFor(a, path: path)))
        }
        if x.location != nil { report.lose(.modelPath("\(path).location"), "Europass XML assessments have no place") }
        return n
    }

    func accreditationReference(_ qa: QualityAssurance, path: String) -> String {
        let id = nodeId(qa.id, kind: "accreditation")
        if accreditations.contains(where: { $0.attributes.contains { $0.name == "id" && $0.value == id } }) { return id }
        var n = ELMNode("accreditation")
        n.attribute("id", id)
        if let type = qa.type { n.add(codeNode("type", type, path: "\(path).type", scheme: EUVocabulary.accreditationScheme)) }
        if let note = qa.note { n.add(noteNode("description", note, path: "\(path).note")) }
        if let issuer = credential.issuer { n.add(organizationNode(issuer, id: organizationReference(issuer, role: "issuer", at: "issuer"), role: "issuer", at: "issuer", name: "organization")) }
        if let body = qa.body { n.add(organizationNode(body, id: nodeId(body.id, kind: "org"), role: "accrediting agent", at: "\(path).body", name: "accreditingAgent")) }
        n.add(dateTimeNode("expiryDate", qa.validUntil, path: "\(path).validUntil"))
        if let url = qa.url { n.add(documentNode("homepage", url, path: "\(path).url")) }
        accreditations.append(n)
        return id
    }

    // MARK: organisations

    /// An `OrganizationType` element. `registration`, `prefLabel` and `hasLocation` are required. `role`
    /// names the organisation in messages; `path` is its model path, where losses are reported.
    func organizationNode(_ org: Organization, id: String, role: String, at path: String, name: String = "organization") -> ELMNode {
        var n = ELMNode(name)
        n.attribute("id", id)
        let kinds = Identifier.Kind.self
        for identifier in org.identifiers where identifier.type.map({ !kinds.europassKinds.contains($0) }) ?? true {
            n.add(identifierNode("identifier", identifier))
        }
        var contact = ELMNode("contactPoint")
        if let phone = org.phone {
            var p = ELMNode("phone")
            p.add(ELMNode("phoneNumber", text: phone))
            contact.add(p)
        }
        if let email = org.email {
            var m = ELMNode("mailBox")
            m.attribute("uri", EmailAddress.mailtoIRI(email))
            contact.add(m)
        } else if org.phone != nil {
            report.lose(.modelPath("\(path).phone"), "a Europass contact point needs an email address; the phone number alone has no place")
            contact.children.removeAll()
        }
        if !contact.children.isEmpty { n.add(contact) }
        if let registration = org.identifiers.first(where: { $0.type == kinds.registration }) {
            n.add(identifierNode("registration", registration))
        } else {
            n.add(ELMNode("registration", text: org.id ?? id))
            report.warn(.valueSubstituted, "the \(role) has no registration number; Europass XML requires one, so its identifier \(org.id ?? id) was written")
        }
        for (i, v) in org.identifiers.enumerated() where v.type == kinds.vat { n.add(legalIdentifierNode("vatIdentifier", v, path: "\(path).identifiers[\(i)]")) }
        for (i, t) in org.identifiers.enumerated() where t.type == kinds.tax { n.add(legalIdentifierNode("taxIdentifier", t, path: "\(path).identifiers[\(i)]")) }
        for e in org.identifiers where e.type == kinds.eIDAS { report.lose(.modelPath("\(path).identifiers"), "Europass XML v2 has no eIDAS identifier (\(e.value))") }
        n.add(textNode("prefLabel", org.name ?? LocalizedString(org.id ?? id), path: "\(path).name", required: true))
        if org.name == nil { report.warn(.valueSubstituted, "the \(role) has no name; its identifier was written as its name") }
        for (i, alt) in org.alternativeNames.enumerated() { n.add(textNode("altLabel", alt, path: "\(path).alternativeNames[\(i)]")) }
        if let url = org.url { n.add(documentNode("homepage", url, path: "\(path).url")) }
        var location = ELMNode("hasLocation")
        if let a = org.address {
            if let name = a.locationName { location.add(textNode("name", name, path: "\(path).address.locationName")) }
            if let country = a.country {
                var address = ELMNode("hasAddress")
                let full = a.fullAddress ?? Self.composedAddress(a).map { LocalizedString($0, language: primaryLanguage) }
                if a.fullAddress == nil, full != nil {
                    report.lose(.modelPath("\(path).address"), "Europass XML addresses are one text: street, post office box, postal code, locality and region are written joined in fullAddress", code: .valueChanged)
                }
                if let full { address.add(noteNode("fullAddress", full, path: "\(path).address.fullAddress")) }
                address.add(codeNode("country", EUVocabulary.concept(for: country), path: "\(path).address.country"))
                location.add(address)
            } else {
                if let code = a.unlistedCountryCode {
                    report.lose(.modelPath("\(path).address.unlistedCountryCode"), "\(code) is in no ISO 3166-1 list; a Europass address needs the EU country table's code", code: .valueNotExpressible)
                }
                report.lose(.modelPath("\(path).address"), "a Europass address needs a country; this address has none", code: .valueNotExpressible)
            }
        }
        if location.children.isEmpty { report.warn(.valueMissing, "the \(role) has no country; Europass XML wants one (Annex I: country of the issuer)") }
        n.add(location)
        if let parent = org.parent { n.add(reference("unitOf", organizationReference(parent.value, role: "\(role) parent organisation", at: "\(path).parent"))) }
        if let image = org.image {
            if let logo = mediaObjectNode("logo", image) { n.add(logo) } else { report.lose(.modelPath("\(path).image"), "Europass XML logos must be embedded raster images; \(image.id.prefix(60)) is not one", code: .valueNotExpressible) }
        }
        if org.description != nil { report.lose(.modelPath("\(path).description"), "Europass XML organisations have no description") }
        if org.official != nil { report.lose(.modelPath("\(path).official"), "Europass XML organisations have no official") }
        for (i, _) in org.endorsements.enumerated() { report.lose(.modelPath("\(path).endorsements[\(i)]"), "Europass XML has no endorsements") }
        for f in org.extensions.fields { report.lose(kept: f, "Europass XML has no place for this \(f.family) property", writerFamily: ELMXMLReader.family) }
        return n
    }

    /// `https://host` of an http(s) IRI.
    static func origin(of iri: String) -> String? {
        guard let range = iri.range(of: "://") else { return nil }
        let rest = iri[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "#" && $0 != "?" }
        return host.isEmpty ? nil : String(iri[..<range.upperBound]) + host
    }

    /// Street, postcode, locality and region as one line, when the address has no full form.
    static func composedAddress(_ a: Address) -> String? {
        let parts = [a.street, a.postOfficeBox.map { "PO Box \($0)" }, [a.postalCode, a.locality].compactMap { $0 }.joined(separator: " "), a.region]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A `MediaObjectType` for a `data:image/…;base64,` image.
    func mediaObjectNode(_ name: String, _ image: Image) -> ELMNode? {
        guard image.id.hasPrefix("data:image/"), let comma = image.id.firstIndex(of: ","),
            image.id[..<comma].hasSuffix(";base64")
        else { return nil }
        let mime = String(image.id.dropFirst(5).prefix { $0 != ";" })
        guard let fileType = FileTypes.code(forMIME: mime) else { return nil }
        var n = ELMNode(name)
        n.add(codeNode("contentType", Concept(id: FileTypes.iri(fileType), scheme: FileTypes.scheme, notation: "file-type", label: LocalizedString(fileType, language: "en")), path: "image"))
        n.add(codeNode("contentEncoding", Concept(id: "http://data.europa.eu/snb/encoding/6146cde7dd", scheme: "http://data.europa.eu/snb/encoding/25831c2", label: LocalizedString("base64", language: "en")), path: "image"))
        n.add(ELMNode("content", text: String(image.id[image.id.index(after: comma)...])))
        return n
    }
}
