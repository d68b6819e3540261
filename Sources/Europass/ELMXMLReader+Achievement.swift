import CredentialModel
import XMLSupport

extension ELMReadContext {
    /// A `learningAchievement` (or `qualificationAward`) with its specification, its first assessment and
    /// its parts.
    func learningAchievement(_ e: XMLElementView) throws(Diagnostic) -> (Achievement, Assessment?) {
        let awardId = e.attribute("id")
        return try following(awardId ?? "achievement@\(e.line)", at: e) { () throws(Diagnostic) -> (Achievement, Assessment?) in
            guard let specReference = e.child("specifiedBy") else {
                throw Diagnostic(.invalidValue, "\(e.name) has no specifiedBy", at: .position(line: e.line, column: 1))
            }
            let spec = try resolve(specReference, expecting: ["qualification", "learningSpecification"])
            var a = try specification(spec)
            a.awardId = awardId
            let title = text(e.child("title"))
            let description = e.child("description").flatMap { note($0)?.text }
            // The achievement's own title and description lead; the specification's are kept when they differ.
            if let title {
                if a.name != title { a.specificationName = a.name }
                a.name = title
            }
            if let description {
                if a.description != nil && a.description != description { a.specificationDescription = a.description }
                a.description = description
            }
            for n in e.children("additionalNote") { if let note = note(n) { a.notes.append(note) } }
            for identifier in e.children("identifier") {
                report.lose(identifier.location, "identifiers of the awarded achievement are not kept (the specification's are)", code: .notInModel)
            }
            let assessments = e.children("wasDerivedFrom")
            let assessment = try assessments.first.map { (x) throws(Diagnostic) -> Assessment in try self.assessment(x, into: &a) }
            for extra in assessments.dropFirst() { report.lose(extra.location, "one assessment per achievement is kept", code: .repeatedValue) }
            if let parts = e.child("hasPart") {
                for part in parts.children where part.name == "learningAchievement" || part.name == "qualificationAward" {
                    var (p, partAssessment) = try learningAchievement(part)
                    p.partAssessment = partAssessment
                    p.partAwarding = try awarding(of: part)
                    a.parts.append(p)
                }
            }
            for child in e.children("wasInfluencedBy") { report.lose(child.location, "learning activities are not part of credconv's model") }
            for child in e.children("entitlesTo") { report.lose(child.location, "entitlements are not part of credconv's model") }
            for child in e.children("associatedLearningOpportunity") { report.lose(child.location, "learning opportunities are not part of credconv's model") }
            return (a, assessment)
        }
    }

    /// The awarding process of an achievement.
    func awarding(of e: XMLElementView) throws(Diagnostic) -> Awarding? {
        guard let reference = e.child("wasAwardedBy") else { return nil }
        let process = try resolve(reference, expecting: ["awardingProcess"])
        var awarding = Awarding()
        for body in process.children("awardingBody") { awarding.bodies.append(try organization(reference: body)) }
        awarding.date = date(process.child("date"))
        awarding.location = process.child("location").flatMap { location -> LocalizedString? in
            text(location.child("name")) ?? location.child("hasAddress").flatMap { concept($0.child("country"))?.label }
        }
        awarding.description = process.child("description").flatMap { note($0)?.text }
        for child in process.children where !["awardingBody", "date", "location", "description"].contains(child.name) {
            report.lose(child.location, "credconv keeps the awarding body, date, place and description", code: .notInModel)
        }
        return awarding
    }

    /// A `qualification` or `learningSpecification` as an achievement definition.
    func specification(_ s: XMLElementView) throws(Diagnostic) -> Achievement {
        var a = Achievement(id: s.attribute("id"))
        a.identifiers = s.children("identifier").map { identifier($0) }
        let types = s.children("type")
        a.specificationType = concept(types.first)
        for extra in types.dropFirst() { report.lose(extra.location, "one learning opportunity type per specification is kept", code: .repeatedValue) }
        a.name = text(s.child("title"))
        a.description = s.child("description").flatMap { note($0)?.text }
        for n in s.children("additionalNote") {
            guard let note = note(n) else { continue }
            switch note.subject?.id {
            case QualificationTopics.pathways.id: a.stackability = note.text
            case QualificationTopics.qualityAssurance.id: a.qualityAssurance.append(QualityAssurance(note: note.text))
            default: a.notes.append(note)
            }
        }
        a.homepages = documentURIs(s.children("homepage"))
        a.supplementaryDocuments = documentURIs(s.children("supplementaryDoc"))
        a.thematicAreas = s.children("hasISCED-FCode").compactMap { concept($0) }
        a.workload = date(s.child("volumeOfLearning"))
        if let ects = s.child("hasECTSCreditPoints"), let value = NumberText(ects.text) {
            a.credits = CreditPoints(value: value, system: EUVocabulary.ects)
        }
        for credit in s.children("hasCreditPoints") {
            guard let value = NumberText(credit.text) else { report.lose(credit.location, "credit points that are not a number", code: .valueNotExpressible); continue }
            let system: Concept?
            switch credit.attribute("schemeID") {
            case CreditSystems.ectsSchemeID?: system = EUVocabulary.ects
            case CreditSystems.ecvetSchemeID?: system = CreditSystems.ecvet
            default: system = nil
            }
            if a.credits == nil { a.credits = CreditPoints(value: value, system: system) } else { a.additionalCredits.append(CreditPoints(value: value, system: system)) }
        }
        a.languages = s.children("language").compactMap { language($0) }
        let modes = s.children("mode")
        a.participationForm = concept(modes.first)
        for extra in modes.dropFirst() { report.lose(extra.location, "one mode of learning is kept", code: .repeatedValue) }
        a.learningSetting = concept(s.child("learningSettingType"))
        a.duration = date(s.child("duration"))
        if let entry = s.child("entryRequirementsNote") { a.prerequisites = note(entry)?.text }
        if let outcomes = s.child("learningOutcomes") {
            for reference in outcomes.children("learningOutcome") {
                let lo = try resolve(reference, expecting: ["learningOutcome"])
                if let outcome = learningOutcome(lo) { a.learningOutcomes.append(outcome) }
            }
        }
        if let reference = s.child("assessmentSpecification") {
            let spec = try resolve(reference, expecting: ["assessmentSpecification"])
            if a.assessmentType == nil { a.assessmentType = concept(spec.child("type")) ?? assessmentTypeFromDescription(spec) }
        }
        // Qualification-only elements.
        if let partial = s.child("isPartialQualification") { a.isPartialQualification = partial.text.trimmingSpaces() == "true" }
        a.eqfLevel = concept(s.child("eqfLevel"))
        a.nqfLevels = s.children("nqfLevel").compactMap { concept($0) }
        for reference in s.children("hasAccreditation") {
            let accreditation = try resolve(reference, expecting: ["accreditation"])
            a.qualityAssurance.append(try self.accreditation(accreditation))
        }
        for reference in s.children("specializationOf") {
            if let id = reference.attribute("idref") { a.relations.append(AchievementRelation(kind: .isPartOf, id: id)) }
        }
        return a
    }

    func learningOutcome(_ e: XMLElementView) -> LearningOutcome? {
        guard let text = text(e.child("prefLabel")) else { report.lose(e.location, "a learning outcome without a label"); return nil }
        var outcome = LearningOutcome(id: e.attribute("id"), text: text)
        outcome.relatedSkills = (e.children("relatedEscoSkill") + e.children("relatedSkill")).compactMap { concept($0) }
        outcome.skillType = concept(e.child("learningOutcomeType"))
        outcome.reuseLevel = concept(e.child("reusabilityLevel"))
        for child in e.children where ["identifier", "description"].contains(child.name) {
            report.lose(child.location, "credconv keeps a learning outcome's label, skills, type and reuse level", code: .notInModel)
        }
        return outcome
    }

    func accreditation(_ e: XMLElementView) throws(Diagnostic) -> QualityAssurance {
        var qa = QualityAssurance(id: e.attribute("id"), type: concept(e.child("type")))
        qa.note = e.child("description").flatMap { note($0)?.text } ?? text(e.child("title"))
        if let agent = e.child("accreditingAgent") { qa.body = try organization(agent) }
        qa.validUntil = date(e.child("expiryDate"))
        qa.url = documentURIs(e.children("homepage")).first
        return qa
    }

    /// An `AssessmentType` (inline `wasDerivedFrom`); its specification's type becomes the achievement's
    /// assessment type.
    func assessment(_ e: XMLElementView, into a: inout Achievement) throws(Diagnostic) -> Assessment {
        var x = Assessment(grade: e.child("grade").map { grade in
            primaryLanguage.map { LocalizedString(grade.text.trimmingSpaces(), language: $0) } ?? LocalizedString(grade.text.trimmingSpaces())
        })
        x.id = e.attribute("id")
        if let scheme = e.child("grade")?.attribute("schemeID") { x.gradingScheme = Concept(notation: scheme) }
        x.title = text(e.child("title"))
        x.date = date(e.child("issuedDate"))
        x.identityVerification = concept(e.child("idVerificationMethod"))
        if a.supervision == nil { a.supervision = x.identityVerification }
        let assessors = e.children("assessedBy")
        if let first = assessors.first { x.assessor = try organization(reference: first) }
        for extra in assessors.dropFirst() { report.lose(extra.location, "one assessor per assessment is kept", code: .repeatedValue) }
        if let reference = e.child("specifiedBy") {
            let spec = try resolve(reference, expecting: ["assessmentSpecification"])
            let types = spec.children("type")
            if let type = concept(types.first) ?? assessmentTypeFromDescription(spec) { a.assessmentType = type }
            for extra in types.dropFirst() { report.lose(extra.location, "one assessment type per assessment is kept", code: .repeatedValue) }
            if a.participationForm == nil { a.participationForm = concept(spec.child("mode")) }
            if let scheme = spec.child("gradingScheme") {
                let scoring = try resolve(scheme, expecting: ["scoringScheme"])
                x.gradingScheme = Concept(id: scoring.attribute("id"), label: text(scoring.child("title")) ?? scoring.child("description").flatMap { note($0)?.text })
            }
        }
        for child in e.children where !["identifier", "title", "grade", "issuedDate", "idVerificationMethod", "assessedBy", "specifiedBy"].contains(child.name) {
            report.lose(child.location, "credconv keeps an assessment's title, grade, date, identity verification, assessor and specification", code: .notInModel)
        }
        return x
    }
}

extension ELMReadContext {
    /// An assessment specification without a coded type whose description names it (what credconv writes
    /// for a type of assessment whose scheme is not an http(s) URL): the type as a label-only concept.
    func assessmentTypeFromDescription(_ spec: XMLElementView) -> Concept? {
        guard spec.child("type") == nil, let description = spec.child("description").flatMap({ text($0) }) else { return nil }
        return Concept(label: description)
    }
}
