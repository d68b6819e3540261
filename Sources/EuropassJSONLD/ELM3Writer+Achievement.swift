import CredconvJSON
import CredentialModel

extension ELM3WriteContext {
    /// A `LearningAchievement` claim with its awarding process, assessment, specification and parts.
    func learningAchievement(_ a: Achievement, assessment: Assessment?, awarding: Awarding?, awardedDate: String?, path: String) -> JSONValue {
        var o = node("LearningAchievement", id: nodeId(a.awardId, kind: "learningAchievement"))
        let title = a.name ?? credential.name
        if let title { o.set("title", ifPresent: languageMap(title, path: "\(path).name")) } else { report.warn(.valueMissing, "the achievement has no name; ELM requires a title", at: .modelPath(path)) }
        if a.specificationDescription != nil { o.set("description", ifPresent: languageMap(a.description, path: "\(path).description")) }
        let process = awardingProcess(awarding, date: awardedDate, path: path)
        o.set("awardedBy", process)
        if let assessment {
            o.set("provenBy", learningAssessment(assessment, of: a, awardedBy: process, path: path))
        } else if a.assessmentType != nil || a.supervision != nil {
            report.warn(.valueMissing, "the assessment type or supervision is written on an assessment without a grade; the EDC shapes want a grade", at: .modelPath(path))
            o.set("provenBy", learningAssessment(Assessment(), of: a, awardedBy: process, path: path))
        }
        o.set("specifiedBy", specification(a, path: path))
        o.set("hasPart", ifPresent: many(a.parts.enumerated().map { i, part in
            learningAchievement(part, assessment: part.partAssessment, awarding: part.partAwarding ?? awarding, awardedDate: part.partAwarding?.date ?? awardedDate, path: "\(path).parts[\(i)]")
        }))
        return .object(o)
    }

    /// An `AwardingProcess`: the awarding bodies (the issuer when none is named), date and place.
    func awardingProcess(_ awarding: Awarding?, date: String?, path: String) -> JSONValue {
        var p = node("AwardingProcess", id: localId("awardingProcess"))
        var bodies = awarding?.bodies ?? []
        if bodies.isEmpty, let issuer = credential.issuer { bodies = [issuer] }
        p.set("awardingBody", many(bodies.enumerated().map { organization($0.element, role: "\(path).awarding.bodies[\($0.offset)]") }) ?? .null)
        p.set("awardingDate", ifPresent: dateTime(date ?? awarding?.date, path: "\(path).awardedDate"))
        p.set("description", ifPresent: languageMap(awarding?.description, path: "\(path).awarding.description"))
        if let place = awarding?.location { p.set("location", namedPlace(place, path: "\(path).awarding.location")) }
        return .object(p)
    }

    /// A `LearningAssessment` with its specification (type of assessment, mode, grading scheme).
    func learningAssessment(_ x: Assessment, of a: Achievement, awardedBy process: JSONValue, path: String) -> JSONValue {
        var o = node("LearningAssessment", id: nodeId(x.id, kind: "learningAssessment"))
        let title = x.title ?? a.name ?? credential.name
        if x.title == nil { report.warn(.valueSubstituted, "the assessment has no title; the achievement's name was written", at: .modelPath("\(path).assessment")) }
        o.set("title", ifPresent: languageMap(title, path: "\(path).assessment.title"))
        o.set("awardedBy", process)
        if let grade = note(x.grade, path: "\(path).assessment.grade") {
            o.set("grade", grade)
        } else if x != Assessment() {
            report.warn(.valueMissing, "the assessment has no grade; the EDC shapes want one", at: .modelPath("\(path).assessment"))
        }
        o.set("dateIssued", ifPresent: dateTime(x.date, path: "\(path).assessment.date"))
        o.set("idVerification", ifPresent: concept(x.identityVerification ?? a.supervision, path: "\(path).supervision"))
        if let assessor = x.assessor { o.set("assessedBy", organization(assessor, role: "\(path).assessment.assessor")) }
        if let place = x.location { o.set("location", namedPlace(place, path: "\(path).assessment.location")) }
        var spec = node("LearningAssessmentSpecification", id: localId("learningAssessmentSpec"))
        spec.set("title", ifPresent: languageMap(title, path: "\(path).assessment.title"))
        if let type = a.assessmentType, type.id == nil, let label = type.label {
            // A type of assessment known only by its label (an Annex I element): the specification's description.
            report.warn(.writtenDifferently, "the assessment type \(type.displayText()) has no IRI; it is written as the assessment specification's description", at: .modelPath("\(path).assessmentType"))
            spec.set("description", ifPresent: languageMap(label, path: "\(path).assessmentType"))
        } else {
            spec.set("dcType", ifPresent: concept(a.assessmentType, path: "\(path).assessmentType"))
        }
        if let scheme = x.gradingScheme {
            var g = node("GradingScheme", id: nodeId(scheme.id, kind: "gradingScheme"))
            if let label = scheme.label {
                g.set("title", ifPresent: languageMap(label, path: "\(path).assessment.gradingScheme"))
            } else {
                var title = JSONObject()
                title.set(primaryLanguage, .string(scheme.displayText()))
                g.set("title", .object(title))
            }
            spec.set("gradingScheme", .object(g))
        }
        if spec.count > 3 || a.assessmentType != nil { o.set("specifiedBy", .object(spec)) }
        return .object(o)
    }

    /// A `Location` known by its name (where an award or assessment took place), in the issuer's country,
    /// which the EDC shapes want on every location.
    func namedPlace(_ place: LocalizedString, path: String) -> JSONValue {
        var location = node("Location", id: localId("location"))
        location.set("geographicName", ifPresent: languageMap(place, path: path))
        if let country = credential.issuer?.address?.country {
            var address = node("Address", id: localId("address"))
            address.set("countryCode", ifPresent: countryConcept(country, path: path))
            location.set("address", .object(address))
        } else {
            report.warn(.valueMissing, "the place has no country; the EDC shapes want an address with one", at: .modelPath(path))
        }
        return .object(location)
    }
}
