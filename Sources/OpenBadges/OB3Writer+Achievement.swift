import CredconvJSON
import CredentialModel

extension OB3WriteContext {
    /// An `Achievement`, with the EU micro-credential elements in the credconv extension and as text.
    func achievementObject(_ a: Achievement, path: String, report: inout ConversionReport) throws(Diagnostic) -> JSONObject {
        typealias Term = CredconvExtension.AchievementTerm
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", .string(a.id ?? generatedId("achievement id", report: &report)))
        o.set("type", .array([.string("Achievement")]))
        guard let name = a.name, !name.isEmpty else {
            throw Diagnostic(.insufficientData, "the achievement has no name; Open Badges 3.0 requires one", at: .modelPath("\(path).name"))
        }
        o.set("name", text(name, "name", into: &translations))
        if let d = a.description {
            o.set("description", text(d, "description", into: &translations))
        } else {
            report.warn(.valueMissing, "the achievement has no description; an empty one was written, as Open Badges 3.0 requires one")
            o.set("description", .string(""))
        }
        o.set("criteria", .object(criteriaObject(a, report: &report)))
        if let type = a.achievementType,
           let value = enumerated(type, allowed: OB3Vocabulary.achievementTypes, property: "achievementType", at: "\(path).achievementType", report: &report) {
            o.set("achievementType", .string(value))
        }
        if let creator = a.creator { o.set("creator", .object(profileObject(creator, role: "creator", at: "\(path).creator", report: &report))) }
        if let credits = a.credits {
            o.set("creditsAvailable", credits.value.jsonValue)
            if let system = credits.system { setExtension(&o, Term.creditSystem, conceptJSON(system)) }
        }
        writeEndorsements(a.endorsements, into: &o, at: "\(path).endorsements", report: &report)
        if let f = a.fieldOfStudy { o.set("fieldOfStudy", text(f, "fieldOfStudy", into: &translations)) }
        o.set("humanCode", ifPresent: a.humanCode.map(JSONValue.string))
        if let image = a.image { o.set("image", imageObject(image, at: "\(path).image", report: &report)) }
        if let first = a.languages.first, let tag = inLanguageTag(first, at: "\(path).languages[0]", report: &report) { o.set("inLanguage", .string(tag)) }
        if a.languages.count > 1 {
            let tags = a.languages.enumerated().compactMap { i, tag in extensionLanguageTag(tag, at: "\(path).languages[\(i)]", report: &report) }
            if !tags.isEmpty { setExtension(&o, Term.language, .array(tags.map(JSONValue.string))) }
        }
        if !a.identifiers.isEmpty {
            o.set("otherIdentifier", .array(a.identifiers.enumerated().map { i, id in
                identifierEntry(id, at: "\(path).identifiers[\(i)]", report: &report)
            }))
        }
        let editions = a.relations.filter { $0.kind == .relatedEdition }
        if !editions.isEmpty {
            o.set("related", .array(editions.map { r in
                var e = JSONObject()
                e.set("id", .string(r.id))
                e.set("type", .array([.string("Related")]))
                e.set("inLanguage", ifPresent: r.language.flatMap { inLanguageTag($0, at: "\(path).relations", report: &report) }.map(JSONValue.string))
                e.set("version", ifPresent: r.version.map(JSONValue.string))
                return .object(e)
            }))
        }
        if !a.resultDescriptions.isEmpty {
            o.set("resultDescription", .array(a.resultDescriptions.enumerated().map { i, d in resultDescriptionObject(d, at: "\(path).resultDescriptions[\(i)]", report: &report) }))
        }
        if let s = a.specialization { o.set("specialization", text(s, "specialization", into: &translations)) }
        if !a.tags.isEmpty { o.set("tag", .array(a.tags.map(JSONValue.string))) }
        o.set("version", ifPresent: a.version.map(JSONValue.string))

        // Alignments: the model's own, then the EQF/NQF levels and the skills of the learning outcomes.
        var alignments = a.alignments.enumerated().map { i, al in alignmentObject(al, at: "\(path).alignments[\(i)]", report: &report) }
        if let eqf = a.eqfLevel { alignments.append(levelAlignment(eqf, type: CredconvExtension.eqfTargetType, framework: "European Qualifications Framework")) }
        for nqf in a.nqfLevels where nqf.id != nil {
            alignments.append(levelAlignment(nqf, type: CredconvExtension.nqfTargetType, framework: "National Qualifications Framework"))
        }
        for outcome in a.learningOutcomes {
            for skillConcept in outcome.relatedSkills {
                guard let skill = skillConcept.id else { continue }
                var al = JSONObject()
                al.set("type", .array([.string("Alignment")]))
                al.set("targetName", .string((skillConcept.label ?? outcome.text).best(preferring: preferredLanguages)))
                al.set("targetUrl", .string(skill))
                al.set("targetType", .string(CredconvExtension.skillTargetType))
                if skill.hasPrefix("http://data.europa.eu/esco/") { al.set("targetFramework", .string("ESCO")) }
                alignments.append(.object(al))
                usesCredconvExtension = true
            }
        }
        if !alignments.isEmpty { o.set("alignment", .array(alignments)) }

        // The credconv extension.
        if let w = a.workload, let duration = durationText(w, at: "\(path).workload", report: &report) { setExtension(&o, Term.workload, .string(duration)) }
        if let c = a.participationForm { setExtension(&o, Term.participationForm, conceptJSON(c)) }
        if let c = a.learningSetting { setExtension(&o, Term.learningSetting, conceptJSON(c)) }
        if let c = a.assessmentType { setExtension(&o, Term.assessmentType, conceptJSON(c)) }
        if let c = a.supervision { setExtension(&o, Term.supervisionType, conceptJSON(c)) }
        if !a.qualityAssurance.isEmpty {
            setExtension(&o, Term.qualityAssurance, .array(a.qualityAssurance.enumerated().map { i, qa in qualityAssuranceObject(qa, at: "\(path).qualityAssurance[\(i)]", report: &report) }))
        }
        if let p = a.prerequisites { setExtension(&o, Term.prerequisites, textJSON(p)) }
        if let s = a.stackability { setExtension(&o, Term.stackability, textJSON(s)) }
        let links = a.relations.filter { $0.kind != .relatedEdition }
        if !links.isEmpty {
            setExtension(&o, Term.relatedAchievement, .array(links.map { r in
                var e = JSONObject()
                e.set("type", .string("AchievementRelation"))
                e.set("relation", .string(r.kind.rawValue))
                e.set("id", .string(r.id))
                if let n = r.name { e.set("name", textJSON(n)) }
                return .object(e)
            }))
        }
        if !a.learningOutcomes.isEmpty {
            setExtension(&o, Term.learningOutcome, .array(a.learningOutcomes.map { lo in
                var e = JSONObject()
                e.set("type", .string("LearningOutcome"))
                e.set("id", ifPresent: lo.id.map(JSONValue.string))
                e.set("name", textJSON(lo.text))
                if !lo.relatedSkills.isEmpty {
                    // A bare IRI when the skill has nothing else, else a Concept.
                    e.set("relatedSkill", .array(lo.relatedSkills.map { skill in
                        skill.label == nil && skill.scheme == nil && skill.notation == nil && skill.id != nil ? .string(skill.id!) : conceptJSON(skill)
                    }))
                }
                if let t = lo.skillType { e.set("skillType", conceptJSON(t)) }
                if let r = lo.reuseLevel { e.set("reuseLevel", conceptJSON(r)) }
                return .object(e)
            }))
        }
        if let s = a.learningOutcomeSummary { setExtension(&o, Term.learningOutcomeSummary, textJSON(s)) }
        if !a.thematicAreas.isEmpty { setExtension(&o, Term.thematicArea, .array(a.thematicAreas.map { conceptJSON($0) })) }
        if let t = a.specificationType { setExtension(&o, Term.specificationType, conceptJSON(t)) }
        if !a.nqfLevels.isEmpty { setExtension(&o, Term.nqfLevel, .array(a.nqfLevels.map { conceptJSON($0) })) }
        if !a.notes.isEmpty {
            setExtension(&o, Term.additionalNote, .array(a.notes.map { n in
                var e = JSONObject()
                e.set("type", .string("Note"))
                if let s = n.subject { e.set("subject", conceptJSON(s)) }
                e.set("note", textJSON(n.text))
                return .object(e)
            }))
        }
        if !a.homepages.isEmpty { setExtension(&o, Term.homepage, .array(a.homepages.map(JSONValue.string))) }
        if let p = a.isPartialQualification { setExtension(&o, Term.isPartialQualification, .bool(p)) }
        if let id = a.awardId { setExtension(&o, Term.awardId, .string(id)) }
        if let n = a.specificationName { setExtension(&o, Term.specificationName, textJSON(n)) }
        if let d = a.specificationDescription { setExtension(&o, Term.specificationDescription, textJSON(d)) }
        if let d = a.duration { setExtension(&o, Term.duration, .string(d)) }
        if !a.supplementaryDocuments.isEmpty { setExtension(&o, Term.supplementaryDocument, .array(a.supplementaryDocuments.map(JSONValue.string))) }
        if !a.additionalCredits.isEmpty {
            setExtension(&o, Term.additionalCredits, .array(a.additionalCredits.map { credits in
                var e = JSONObject()
                e.set("type", .string("CreditPoints"))
                e.set("point", credits.value.jsonValue)
                if let system = credits.system { e.set("creditSystem", conceptJSON(system)) }
                return .object(e)
            }))
        }
        if let assessment = a.partAssessment { setExtension(&o, Term.partAssessment, assessmentObject(assessment, at: "\(path).partAssessment", report: &report)) }
        if let awarding = a.partAwarding { setExtension(&o, CredconvExtension.SubjectTerm.awarding, awardingObject(awarding, at: "\(path).partAwarding", report: &report)) }
        if !a.parts.isEmpty {
            var parts: [JSONValue] = []
            for (i, part) in a.parts.enumerated() {
                parts.append(.object(try achievementObject(part, path: "\(path).parts[\(i)]", report: &report)))
            }
            setExtension(&o, Term.hasPart, .array(parts))
        }
        finishTranslations(&o, translations)
        writeExtensions(a.extensions, into: &o, report: &report)
        return o
    }

    func levelAlignment(_ level: Concept, type: String, framework: String) -> JSONValue {
        var al = JSONObject()
        al.set("type", .array([.string("Alignment")]))
        al.set("targetName", .string(level.displayText(preferring: preferredLanguages)))
        al.set("targetUrl", .string(level.id ?? ""))
        al.set("targetFramework", .string(framework))
        al.set("targetCode", ifPresent: level.notation.map(JSONValue.string))
        al.set("targetType", .string(type))
        return .object(al)
    }

    /// An Alignment; `path` is its model path, where a target type outside the vocabulary is reported.
    func alignmentObject(_ a: Alignment, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("type", .array([.string("Alignment")]))
        o.set("targetCode", ifPresent: a.targetCode.map(JSONValue.string))
        if let d = a.targetDescription { o.set("targetDescription", text(d, "targetDescription", into: &translations)) }
        o.set("targetName", text(a.targetName, "targetName", into: &translations))
        o.set("targetFramework", ifPresent: a.targetFramework.map(JSONValue.string))
        o.set("targetType", ifPresent: a.targetType.flatMap {
            enumerated($0, allowed: Self.alignmentTargetTypes, property: "alignment targetType", at: "\(path).targetType", report: &report)
        }.map(JSONValue.string))
        o.set("targetUrl", .string(a.targetUrl))
        finishTranslations(&o, translations)
        writeExtensions(a.extensions, into: &o, report: &report)
        return .object(o)
    }

    func resultDescriptionObject(_ d: ResultDescription, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", .string(d.id))
        o.set("type", .array([.string("ResultDescription")]))
        if !d.alignments.isEmpty { o.set("alignment", .array(d.alignments.enumerated().map { i, al in alignmentObject(al, at: "\(path).alignments[\(i)]", report: &report) })) }
        if !d.allowedValues.isEmpty { o.set("allowedValue", .array(d.allowedValues.map(JSONValue.string))) }
        o.set("name", text(d.name, "name", into: &translations))
        o.set("requiredLevel", ifPresent: d.requiredLevel.map(JSONValue.string))
        o.set("requiredValue", ifPresent: d.requiredValue.map(JSONValue.string))
        o.set("resultType", .string(d.resultType))
        if !d.rubricLevels.isEmpty {
            o.set("rubricCriterionLevel", .array(d.rubricLevels.enumerated().map { levelIndex, level in
                var l = JSONObject()
                var levelTranslations = JSONObject()
                l.set("id", .string(level.id))
                l.set("type", .array([.string("RubricCriterionLevel")]))
                if !level.alignments.isEmpty { l.set("alignment", .array(level.alignments.enumerated().map { i, al in alignmentObject(al, at: "\(path).rubricLevels[\(levelIndex)].alignments[\(i)]", report: &report) })) }
                if let desc = level.description { l.set("description", text(desc, "description", into: &levelTranslations)) }
                l.set("level", ifPresent: level.level.map(JSONValue.string))
                l.set("name", text(level.name, "name", into: &levelTranslations))
                l.set("points", ifPresent: level.points.map(JSONValue.string))
                finishTranslations(&l, levelTranslations)
                writeExtensions(level.extensions, into: &l, report: &report)
                return .object(l)
            }))
        }
        o.set("valueMax", ifPresent: d.valueMax.map(JSONValue.string))
        o.set("valueMin", ifPresent: d.valueMin.map(JSONValue.string))
        finishTranslations(&o, translations)
        writeExtensions(d.extensions, into: &o, report: &report)
        return .object(o)
    }

    func qualityAssuranceObject(_ qa: QualityAssurance, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string("QualityAssurance"))
        o.set("id", ifPresent: qa.id.map(JSONValue.string))
        if let t = qa.type { o.set("qualityAssuranceType", conceptJSON(t)) }
        if let body = qa.body { o.set("body", .object(profileObject(body, role: "quality assurance body", at: "\(path).body", report: &report))) }
        if let n = qa.note { o.set("note", textJSON(n)) }
        o.set("expiryDate", ifPresent: qa.validUntil.map(JSONValue.string))
        o.set("url", ifPresent: qa.url.map(JSONValue.string))
        return .object(o)
    }

    /// Criteria: the model's, plus a readable summary of the EU elements after the credconv marker.
    func criteriaObject(_ a: Achievement, report: inout ConversionReport) -> JSONObject {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", ifPresent: a.criteria?.id.map(JSONValue.string))
        let summary = MicroCredentialSummary(achievement: a, assessment: credential.assessment, languages: preferredLanguages).markdown
        var narrative = a.criteria?.narrative
        if let summary {
            let block = CredconvExtension.narrativeMarker + "\n" + summary
            if var n = narrative {
                for e in n.entries { n.set(e.text.isEmpty ? block : e.text + "\n\n" + block, for: e.language) }
                narrative = n
            } else {
                narrative = LocalizedString(block, language: plainTextLanguage ?? LocalizedString.undetermined, format: .markdown)
            }
            usesCredconvExtension = true
        }
        if let narrative { o.set("narrative", text(narrative, "narrative", into: &translations)) }
        finishTranslations(&o, translations)
        if let criteria = a.criteria { writeExtensions(criteria.extensions, into: &o, report: &report) }
        return o
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
