import CredconvJSON
import CredentialModel

extension ELM3WriteContext {
    /// The achievement's specification: a `Qualification` when it has what only qualifications have in
    /// ELM (EQF or NQF level, accreditation, partial-qualification flag), else a
    /// `LearningAchievementSpecification`.
    func specification(_ a: Achievement, path: String) -> JSONValue {
        let isQualification = a.eqfLevel != nil || !a.nqfLevels.isEmpty || a.isPartialQualification != nil || !a.qualityAssurance.isEmpty
        var s = node(isQualification ? "Qualification" : "LearningAchievementSpecification",
                     id: nodeId(a.id, kind: isQualification ? "qualification" : "learningAchievementSpec"))
        let title = a.specificationName ?? a.name ?? credential.name
        s.set("title", ifPresent: languageMap(title, path: "\(path).name"))
        s.set("description", ifPresent: languageMap(a.specificationDescription ?? a.description, path: "\(path).description"))
        s.set("dcType", ifPresent: concept(a.specificationType, path: "\(path).specificationType"))
        s.set("eqfLevel", ifPresent: concept(a.eqfLevel, path: "\(path).eqfLevel"))
        s.set("nqfLevel", ifPresent: concepts(a.nqfLevels, path: "\(path).nqfLevels"))
        s.set("thematicArea", ifPresent: concepts(a.thematicAreas, path: "\(path).thematicAreas"))
        var credits: [JSONValue] = []
        for (i, c) in ([a.credits].compactMap { $0 } + a.additionalCredits).enumerated() {
            let creditPath = i == 0 ? "\(path).credits" : "\(path).additionalCredits[\(i - 1)]"
            guard let framework = concept(c.system, path: "\(creditPath).system") else {
                report.lose(.modelPath(creditPath), "ELM credit points name their credit system; \(c.value) points have none")
                continue
            }
            var cp = node("CreditPoint", id: localId("creditPoint"))
            cp.set("framework", framework)
            // Written as people read credit points: `100`, not `1e2`.
            cp.set("point", .string(c.value.decimalText ?? c.value.text))
            credits.append(.object(cp))
        }
        s.set("creditPoint", ifPresent: many(credits))
        s.set("volumeOfLearning", ifPresent: duration(a.workload, path: "\(path).workload"))
        s.set("maximumDuration", ifPresent: duration(a.duration, path: "\(path).duration"))
        s.set("entryRequirement", ifPresent: note(a.prerequisites, path: "\(path).prerequisites"))
        s.set("learningOutcomeSummary", ifPresent: note(a.learningOutcomeSummary, path: "\(path).learningOutcomeSummary"))
        if let partial = a.isPartialQualification { s.set("isPartialQualification", .bool(partial)) }
        s.set("learningOutcome", ifPresent: many(a.learningOutcomes.enumerated().map { learningOutcome($0.element, path: "\(path).learningOutcomes[\($0.offset)]") }))
        s.set("learningSetting", ifPresent: concept(a.learningSetting, path: "\(path).learningSetting"))
        s.set("mode", ifPresent: concept(a.participationForm, path: "\(path).participationForm"))
        s.set("language", ifPresent: many(a.languages.enumerated().compactMap { languageConcept($0.element, path: "\(path).languages[\($0.offset)]") }))
        var notes = a.notes.enumerated().compactMap { note($0.element.text, subject: $0.element.subject, path: "\(path).notes[\($0.offset)]") }
        if let stackability = a.stackability,
            let n = note(stackability, subject: QualificationTopics.pathways, path: "\(path).stackability")
        {
            notes.append(n)
        }
        if let criteria = a.criteria?.narrative, let n = note(criteria, subject: nil, path: "\(path).criteria") {
            report.warn(.writtenDifferently, "the criteria are written as an additional note", at: .modelPath("\(path).criteria"))
            notes.append(n)
        }
        s.set("homepage", ifPresent: many(a.homepages.enumerated().compactMap { webResource($0.element, path: "\(path).homepages[\($0.offset)]") }))
        s.set("supplementaryDocument", ifPresent: many(a.supplementaryDocuments.enumerated().compactMap { webResource($0.element, path: "\(path).supplementaryDocuments[\($0.offset)]") }))
        s.set("identifier", ifPresent: many(a.identifiers.enumerated().map { identifier($0.element, path: "\(path).identifiers[\($0.offset)]") }))
        var accreditations: [JSONValue] = []
        for (i, qa) in a.qualityAssurance.enumerated() {
            let qaPath = "\(path).qualityAssurance[\(i)]"
            if let written = accreditation(qa, path: qaPath) {
                accreditations.append(written)
            } else if let n = note(qualityAssuranceText(qa), subject: Self.qualityAssuranceTopic, path: qaPath) {
                report.warn(.writtenDifferently, "quality assurance without an accreditation type IRI and accrediting body is written as an additional note", at: .modelPath(qaPath))
                notes.append(n)
            }
        }
        s.set("additionalNote", ifPresent: many(notes))
        s.set("accreditation", ifPresent: many(accreditations))
        s.set("isPartOf", ifPresent: many(a.relations.filter { $0.kind == .isPartOf && isIRI($0.id) }.map { .string($0.id) }))
        s.set("hasPart", ifPresent: many(a.relations.filter { $0.kind == .hasPart && isIRI($0.id) }.map { .string($0.id) }))
        reportSpecificationLosses(a, path: path)
        return .object(s)
    }

    func learningOutcome(_ lo: LearningOutcome, path: String) -> JSONValue {
        var o = node("LearningOutcome", id: nodeId(lo.id, kind: "learningOutcome"))
        o.set("title", ifPresent: languageMap(lo.text, path: path))
        for (i, skill) in lo.relatedSkills.enumerated() where skill.id?.hasPrefix("http://data.europa.eu/esco/") == true && skill.scheme == EUVocabulary.escoSkillSchemeV2 {
            report.warn(.writtenDifferently, "ESCO skills are written in the scheme ELM v3 names \(EUVocabulary.escoSkillScheme), not Europass XML's \(EUVocabulary.escoSkillSchemeV2)", at: .modelPath("\(path).relatedSkills[\(i)].scheme"))
        }
        let esco = lo.relatedSkills.filter { $0.id?.hasPrefix("http://data.europa.eu/esco/") == true }
        let other = lo.relatedSkills.filter { $0.id?.hasPrefix("http://data.europa.eu/esco/") != true }
        o.set("relatedESCOSkill", ifPresent: concepts(esco.map(escoSkill), path: "\(path).relatedSkills"))
        o.set("relatedSkill", ifPresent: concepts(other, path: "\(path).relatedSkills"))
        o.set("dcType", ifPresent: concept(lo.skillType, path: "\(path).skillType"))
        o.set("reusabilityLevel", ifPresent: concept(lo.reuseLevel, path: "\(path).reuseLevel"))
        return .object(o)
    }

    /// An ESCO skill in the scheme and notation the EDC tools give it.
    func escoSkill(_ c: Concept) -> Concept {
        var skill = c
        if skill.scheme == nil || skill.scheme == EUVocabulary.escoSkillSchemeV2 { skill.scheme = EUVocabulary.escoSkillScheme }
        if skill.notation == nil { skill.notation = "Skill" }
        return skill
    }

    /// The subject of notes that carry quality assurance the model cannot write as an accreditation.
    static var qualityAssuranceTopic: Concept { QualificationTopics.qualityAssurance }

    /// Quality assurance as an `Accreditation`; nil when it lacks the type IRI or accrediting body ELM requires.
    func accreditation(_ qa: QualityAssurance, path: String) -> JSONValue? {
        guard let body = qa.body, let typeIRI = qa.type?.id, isIRI(typeIRI), let type = concept(qa.type, path: "\(path).type") else { return nil }
        var o = node("Accreditation", id: nodeId(qa.id, kind: "accreditation"))
        o.set("dcType", type)
        let title = qa.note ?? qa.type?.label ?? LocalizedString(qa.type?.displayText() ?? "Accreditation", language: primaryLanguage)
        o.set("title", ifPresent: languageMap(title, path: "\(path).note"))
        o.set("accreditingAgent", organization(body, role: "\(path).body"))
        o.set("expiryDate", ifPresent: dateTime(qa.validUntil, path: "\(path).validUntil"))
        if let url = qa.url { o.set("homepage", ifPresent: webResource(url, path: "\(path).url")) }
        return .object(o)
    }

    func reportSpecificationLosses(_ a: Achievement, path: String) {
        if a.image != nil { report.lose(.modelPath("\(path).image"), "ELM v3 specifications have no image") }
        if !a.tags.isEmpty { report.lose(.modelPath("\(path).tags"), "ELM v3 has no tags") }
        if a.fieldOfStudy != nil { report.lose(.modelPath("\(path).fieldOfStudy"), "ELM v3 codes fields of study (ISCED-F); the free text has no place") }
        if a.specialization != nil { report.lose(.modelPath("\(path).specialization"), "ELM v3 has no specialisation text") }
        if a.humanCode != nil { report.lose(.modelPath("\(path).humanCode"), "ELM v3 has no human code") }
        if a.version != nil { report.lose(.modelPath("\(path).version"), "ELM v3 has no version") }
        if a.achievementType != nil && a.specificationType == nil { report.lose(.modelPath("\(path).achievementType"), "Open Badges achievement types have no ELM code") }
        for (i, _) in a.alignments.enumerated() { report.lose(.modelPath("\(path).alignments[\(i)]"), "ELM v3 has no alignments apart from levels and skills") }
        for r in a.relations where !((r.kind == .isPartOf || r.kind == .hasPart) && isIRI(r.id)) {
            report.lose(.modelPath("\(path).relations"), "ELM v3 links specifications as parts of others (isPartOf, hasPart); \(r.kind.rawValue) \(r.id) has no place")
        }
        if a.creator != nil { report.lose(.modelPath("\(path).creator"), "ELM v3 specifications have no creator") }
        for (i, _) in a.endorsements.enumerated() { report.lose(.modelPath("\(path).endorsements[\(i)]"), "ELM v3 has no endorsements") }
        for f in a.extensions.fields { report.lose(kept: f, "ELM v3 has no place for this \(f.family) property", writerFamily: ELM3Reader.family) }
    }

    /// Quality assurance as one text: its type, body, note and validity.
    func qualityAssuranceText(_ qa: QualityAssurance) -> LocalizedString? {
        var parts: [String] = []
        if let type = qa.type { parts.append(type.displayText(preferring: [primaryLanguage])) }
        if let body = qa.body?.name { parts.append(body.best(preferring: [primaryLanguage])) }
        if let note = qa.note { parts.append(note.best(preferring: [primaryLanguage])) }
        if let until = qa.validUntil { parts.append("valid until \(until)") }
        if let url = qa.url { parts.append(url) }
        guard !parts.isEmpty else { return nil }
        return LocalizedString(parts.joined(separator: ". "), language: qa.note?.languages.first.flatMap { $0 == LocalizedString.undetermined ? nil : $0 } ?? primaryLanguage)
    }
}
