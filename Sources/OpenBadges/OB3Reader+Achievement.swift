import CredconvJSON
import CredentialModel
import JSONMapping

extension OB3Reader {
    /// An `Achievement`, with the credconv extension and SURF Edubadges' micro-credential terms.
    func readAchievement(_ cursor: ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> Achievement {
        typealias Term = CredconvExtension.AchievementTerm
        var o = cursor
        var a = Achievement(id: try o.string("id"))
        try o.consumeTypes()
        let translations = try TranslationTable(&o)
        guard let name = try translations.apply("name", try o.localized("name")) else { throw o.missing("name") }
        a.name = name
        a.description = try translations.apply("description", try o.localized("description"))
        a.achievementType = try o.string("achievementType")
        a.image = try readImage(&o, "image", report: &report)
        a.tags = try o.strings("tag")
        a.fieldOfStudy = try translations.apply("fieldOfStudy", try o.localized("fieldOfStudy"))
        a.specialization = try translations.apply("specialization", try o.localized("specialization"))
        a.humanCode = try o.string("humanCode")
        a.version = try o.string("version")
        if let lang = try o.string("inLanguage") { a.languages = [lang] }
        for entry in try o.objects("otherIdentifier") { a.identifiers.append(try readIdentifierEntry(entry)) }
        if let creator = try o.idOrObject("creator") {
            a.creator = try readProfileOrId(creator, at: o.pointer / "creator", report: &report)
        }
        a.endorsements = try readEndorsements(&o, report: &report)
        for cursor in try o.objects("related") {
            var r = cursor
            try r.consumeTypes()
            a.relations.append(AchievementRelation(
                kind: .relatedEdition, id: try r.requiredString("id"), language: try r.string("inLanguage"), version: try r.string("version")))
        }
        a.resultDescriptions = try o.objects("resultDescription").map(readResultDescription)

        // credconv extension terms.
        let hasExtension = CredconvExtension.AchievementTerm.all.contains { o.has($0) }
        if let system = try ExtensionCodec.concept(&o, Term.creditSystem) { a.credits = CreditPoints(value: NumberText("0")!, system: system) }
        if let credits = try o.number("creditsAvailable") {
            a.credits = CreditPoints(value: credits, system: a.credits?.system)
        } else if a.credits != nil {
            report.warn(.nonconformingInput, "creditSystem given without creditsAvailable; ignored", at: .jsonPointer((o.pointer / Term.creditSystem).description))
            a.credits = nil
        }
        a.workload = try o.string(Term.workload)
        a.participationForm = try ExtensionCodec.concept(&o, Term.participationForm)
        a.learningSetting = try ExtensionCodec.concept(&o, Term.learningSetting)
        a.assessmentType = try ExtensionCodec.concept(&o, Term.assessmentType)
        a.supervision = try ExtensionCodec.concept(&o, Term.supervisionType)
        a.prerequisites = try o.localized(Term.prerequisites)
        a.stackability = try o.localized(Term.stackability)
        a.learningOutcomeSummary = try o.localized(Term.learningOutcomeSummary)
        a.thematicAreas = try ExtensionCodec.concepts(&o, Term.thematicArea)
        a.specificationType = try ExtensionCodec.concept(&o, Term.specificationType)
        a.nqfLevels = try ExtensionCodec.concepts(&o, Term.nqfLevel)
        a.homepages = try o.strings(Term.homepage)
        a.isPartialQualification = try o.bool(Term.isPartialQualification)
        // The extension lists every language; `inLanguage` (read above) stays the first of them.
        let languages = try o.strings(Term.language)
        if !languages.isEmpty { a.languages = a.languages.prefix(1) + languages.filter { !a.languages.prefix(1).contains($0) } }
        for cursor in try o.objects(Term.learningOutcome) {
            var lo = cursor
            try lo.consumeTypes()
            guard let text = try lo.localized("name") else { throw lo.missing("name") }
            var outcome = LearningOutcome(id: try lo.string("id"), text: text, relatedSkills: try ExtensionCodec.skills(&lo, "relatedSkill"))
            outcome.skillType = try ExtensionCodec.concept(&lo, "skillType")
            outcome.reuseLevel = try ExtensionCodec.concept(&lo, "reuseLevel")
            a.learningOutcomes.append(outcome)
        }
        for cursor in try o.objects(Term.qualityAssurance) {
            var q = cursor
            try q.consumeTypes()
            var qa = QualityAssurance(id: try q.string("id"))
            qa.type = try ExtensionCodec.concept(&q, "qualityAssuranceType")
            if let body = try q.object("body") { qa.body = try readProfile(body, report: &report) }
            qa.note = try q.localized("note")
            qa.validUntil = try q.string("expiryDate")
            qa.url = try q.string("url")
            a.qualityAssurance.append(qa)
        }
        for cursor in try o.objects(Term.relatedAchievement) {
            var r = cursor
            try r.consumeTypes()
            let relation = try r.requiredString("relation")
            guard let kind = AchievementRelation.Kind(rawValue: relation) else {
                throw Diagnostic(.invalidValue, "unknown relation \"\(relation)\"; expected one of \(AchievementRelation.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                                          at: .jsonPointer((r.pointer / "relation").description))
            }
            a.relations.append(AchievementRelation(kind: kind, id: try r.requiredString("id"), name: try r.localized("name")))
        }
        for cursor in try o.objects(Term.additionalNote) {
            var n = cursor
            try n.consumeTypes()
            guard let text = try n.localized("note") else { throw n.missing("note") }
            a.notes.append(Note(subject: try ExtensionCodec.concept(&n, "subject"), text: text))
        }
        a.awardId = try o.string(Term.awardId)
        a.specificationName = try o.localized(Term.specificationName)
        a.specificationDescription = try o.localized(Term.specificationDescription)
        a.duration = try o.string(Term.duration)
        a.supplementaryDocuments = try o.strings(Term.supplementaryDocument)
        for cursor in try o.objects(Term.additionalCredits) {
            var c = cursor
            try c.consumeTypes()
            guard let value = try c.number("point") else { throw c.missing("point") }
            a.additionalCredits.append(CreditPoints(value: value, system: try ExtensionCodec.concept(&c, "creditSystem")))
        }
        if let assessment = try o.object(Term.partAssessment) { a.partAssessment = try readAssessment(assessment, report: &report) }
        if let awarding = try o.object(CredconvExtension.SubjectTerm.awarding) { a.partAwarding = try readAwarding(awarding, report: &report) }
        for part in try o.objects(Term.hasPart) { a.parts.append(try readAchievement(part, report: &report)) }

        // SURF Edubadges terms, when our own are absent.
        try readEdubadgesTerms(&o, into: &a)

        // Alignments: EQF/NQF levels and the skills of our learning outcomes are model fields.
        let outcomeSkills = Set(a.learningOutcomes.flatMap(\.relatedSkills).compactMap(\.id))
        for cursor in try o.objects("alignment") {
            let alignment = try readAlignment(cursor)
            if let level = eqfLevel(of: alignment) {
                if a.eqfLevel == nil { a.eqfLevel = level; continue }
            }
            if alignment.targetType == CredconvExtension.nqfTargetType,
                a.nqfLevels.contains(where: { $0.id == alignment.targetUrl }) { continue }
            if alignment.targetType == CredconvExtension.nqfTargetType, !hasExtension {
                a.nqfLevels.append(Concept(id: alignment.targetUrl, notation: alignment.targetCode, label: alignment.targetName))
                continue
            }
            if hasExtension, alignment.targetType == CredconvExtension.skillTargetType, outcomeSkills.contains(alignment.targetUrl) { continue }
            a.alignments.append(alignment)
        }

        // Criteria, without the summary credconv appends for people.
        if var criteria = try o.object("criteria") {
            var c = Criteria(id: try criteria.string("id"))
            let criteriaTranslations = try TranslationTable(&criteria)
            if var narrative = try criteriaTranslations.apply("narrative", try criteria.localized("narrative", format: .markdown)) {
                narrative = Self.strippingGeneratedSummary(narrative)
                if !narrative.isEmpty { c.narrative = narrative }
            }
            c.extensions = criteria.unreadMembers(family: Self.family)
            // `{}` is what OB 3.0 requires when there are no criteria: nothing to keep.
            if c.id != nil || c.narrative != nil || !c.extensions.isEmpty { a.criteria = c }
        } else {
            throw o.missing("criteria")
        }
        a.extensions = o.unreadMembers(family: Self.family)
        return a
    }

    /// Edubadges: `ECTS` (number), `SBU` (study hours), `participationType`, `assessmentType`,
    /// `supervisionType` (strings) and `identityChecked`.
    private func readEdubadgesTerms(_ o: inout ObjectCursor, into a: inout Achievement) throws(Diagnostic) {
        if a.credits == nil, let ects = try o.number("ECTS") { a.credits = CreditPoints(value: ects, system: EUVocabulary.ects) }
        if a.workload == nil, let hours = try o.number("SBU") { a.workload = "PT\(hours.decimalText ?? hours.text)H" }
        if a.participationForm == nil, let p = try ExtensionCodec.concept(&o, "participationType") { a.participationForm = p }
        if a.supervision == nil, let s = try ExtensionCodec.concept(&o, "supervisionType") { a.supervision = s }
    }

    /// The EQF level an alignment expresses: a target `http://data.europa.eu/snb/eqf/N`, or `ext:EQF` with code N.
    func eqfLevel(of alignment: Alignment) -> Concept? {
        var level: Concept?
        if let n = EUVocabulary.eqfLevelNumber(ofIRI: alignment.targetUrl) {
            level = EUVocabulary.eqfLevel(n)
        } else if alignment.targetType == CredconvExtension.eqfTargetType, let code = alignment.targetCode, let n = Int(code) {
            level = EUVocabulary.eqfLevel(n)
        }
        // The source's own label and code are kept (Europass writes "Level 5" and often no code).
        if level != nil {
            if !alignment.targetName.isEmpty { level?.label = alignment.targetName }
            level?.notation = alignment.targetCode
        }
        return level
    }

    func readAlignment(_ cursor: ObjectCursor) throws(Diagnostic) -> Alignment {
        var o = cursor
        try o.consumeTypes()
        let translations = try TranslationTable(&o)
        guard let name = try translations.apply("targetName", try o.localized("targetName")) else { throw o.missing("targetName") }
        var a = Alignment(targetName: name, targetUrl: try o.requiredString("targetUrl"))
        a.targetDescription = try translations.apply("targetDescription", try o.localized("targetDescription"))
        a.targetFramework = try o.string("targetFramework")
        a.targetCode = try o.string("targetCode")
        a.targetType = try o.string("targetType")
        a.extensions = o.unreadMembers(family: Self.family)
        return a
    }

    func readResultDescription(_ cursor: ObjectCursor) throws(Diagnostic) -> ResultDescription {
        var o = cursor
        try o.consumeTypes()
        let translations = try TranslationTable(&o)
        guard let name = try translations.apply("name", try o.localized("name")) else { throw o.missing("name") }
        var d = ResultDescription(id: try o.requiredString("id"), name: name, resultType: try o.requiredString("resultType"))
        d.allowedValues = try o.strings("allowedValue")
        d.requiredValue = try o.scalarText("requiredValue")
        d.requiredLevel = try o.string("requiredLevel")
        d.valueMin = try o.scalarText("valueMin")
        d.valueMax = try o.scalarText("valueMax")
        d.alignments = try o.objects("alignment").map(readAlignment)
        for cursor in try o.objects("rubricCriterionLevel") {
            var r = cursor
            try r.consumeTypes()
            let levelTranslations = try TranslationTable(&r)
            guard let name = try levelTranslations.apply("name", try r.localized("name")) else { throw r.missing("name") }
            var level = RubricLevel(id: try r.requiredString("id"), name: name)
            level.description = try levelTranslations.apply("description", try r.localized("description"))
            level.level = try r.string("level")
            level.points = try r.scalarText("points")
            level.alignments = try r.objects("alignment").map(readAlignment)
            level.extensions = r.unreadMembers(family: Self.family)
            d.rubricLevels.append(level)
        }
        d.extensions = o.unreadMembers(family: Self.family)
        return d
    }

    /// Removes the generated summary (from ``CredconvExtension/narrativeMarker`` on) from every language.
    static func strippingGeneratedSummary(_ s: LocalizedString) -> LocalizedString {
        var out = s
        for e in s.entries {
            guard let start = e.text.utf8Offset(ofASCII: CredconvExtension.narrativeMarker) else { continue }
            var kept = String(decoding: e.text.utf8.prefix(start), as: UTF8.self)
            while kept.last?.isWhitespace == true { kept.removeLast() }
            out.set(kept, for: e.language)
        }
        return out
    }
}

extension CredconvExtension.AchievementTerm {
    /// Every achievement term of the extension.
    static let all: [String] = [
        creditSystem, workload, participationForm, learningSetting, assessmentType, supervisionType, qualityAssurance,
        prerequisites, stackability, relatedAchievement, learningOutcome, learningOutcomeSummary, thematicArea,
        specificationType, additionalNote, homepage, language, nqfLevel, isPartialQualification, hasPart,
        awardId, specificationName, specificationDescription, additionalCredits, duration, supplementaryDocument,
        CredconvExtension.SubjectTerm.awarding,
    ]
}
