import CredconvJSON
import CredentialModel

extension ELM3WriteContext {
    /// The model paths of what an achievement is written with: its assessment and awarding process
    /// (the credential's for its main achievement, `partAssessment` and `partAwarding` for the others,
    /// a part inheriting its whole's awarding) and the date of the award.
    struct ClaimPaths {
        var assessment: String
        var awarding: String
        var awardedDate: String

        /// The credential's main achievement.
        static let main = ClaimPaths(assessment: "assessment", awarding: "awarding", awardedDate: "awardedDate")

        /// An achievement at `path` with its own assessment and awarding, else its whole's awarding.
        static func part(at path: String, ownAwarding: Bool, whole: ClaimPaths?) -> ClaimPaths {
            if !ownAwarding, let whole { return ClaimPaths(assessment: "\(path).partAssessment", awarding: whole.awarding, awardedDate: whole.awardedDate) }
            return ClaimPaths(assessment: "\(path).partAssessment", awarding: "\(path).partAwarding", awardedDate: "\(path).partAwarding.date")
        }
    }

    /// A `LearningAchievement` claim with its awarding process, assessment, specification and parts.
    func learningAchievement(_ a: Achievement, assessment: Assessment?, awarding: Awarding?, awardedDate: String?, path: String, paths: ClaimPaths) -> JSONValue {
        var o = node("LearningAchievement", id: nodeId(a.awardId, kind: "learningAchievement"))
        let title = a.name ?? credential.name
        if let title { o.set("title", ifPresent: languageMap(title, path: "\(path).name")) } else { report.warn(.valueMissing, "the achievement has no name; ELM requires a title", at: .modelPath(path)) }
        if a.specificationDescription != nil { o.set("description", ifPresent: languageMap(a.description, path: "\(path).description")) }
        let process = awardingProcess(awarding, date: awardedDate, paths: paths)
        o.set("awardedBy", process)
        if let assessment {
            o.set("provenBy", learningAssessment(assessment, of: a, awardedBy: process, path: path, assessmentPath: paths.assessment))
        } else if a.assessmentType != nil || a.supervision != nil {
            report.warn(.valueMissing, "the assessment type or supervision is written on an assessment without a grade; the EDC shapes want a grade", at: .modelPath(path))
            o.set("provenBy", learningAssessment(Assessment(), of: a, awardedBy: process, path: path, assessmentPath: paths.assessment))
        }
        o.set("specifiedBy", specification(a, path: path))
        o.set("hasPart", ifPresent: many(a.parts.enumerated().map { i, part in
            learningAchievement(part, assessment: part.partAssessment, awarding: part.partAwarding ?? awarding, awardedDate: part.partAwarding?.date ?? awardedDate,
                                path: "\(path).parts[\(i)]", paths: .part(at: "\(path).parts[\(i)]", ownAwarding: part.partAwarding != nil, whole: paths))
        }))
        return .object(o)
    }

    /// An `AwardingProcess`: the awarding bodies (the issuer when none is named), date and place.
    func awardingProcess(_ awarding: Awarding?, date: String?, paths: ClaimPaths) -> JSONValue {
        var p = node("AwardingProcess", id: localId("awardingProcess"))
        let named = awarding?.bodies ?? []
        let bodies = named.isEmpty ? [credential.issuer].compactMap { $0 } : named
        p.set("awardingBody", many(bodies.enumerated().map { organization($0.element, role: named.isEmpty ? "issuer" : "\(paths.awarding).bodies[\($0.offset)]") }) ?? .null)
        p.set("awardingDate", ifPresent: dateTime(date ?? awarding?.date, path: date != nil ? paths.awardedDate : "\(paths.awarding).date"))
        p.set("description", ifPresent: languageMap(awarding?.description, path: "\(paths.awarding).description"))
        if let place = awarding?.location { p.set("location", namedPlace(place, path: "\(paths.awarding).location")) }
        return .object(p)
    }

    /// A `LearningAssessment` with its specification (type of assessment, mode, grading scheme).
    func learningAssessment(_ x: Assessment, of a: Achievement, awardedBy process: JSONValue, path: String, assessmentPath: String) -> JSONValue {
        var o = node("LearningAssessment", id: nodeId(x.id, kind: "learningAssessment"))
        let title = x.title ?? a.name ?? credential.name
        if x.title == nil { report.warn(.valueSubstituted, "the assessment has no title; the achievement's name was written", at: .modelPath(assessmentPath)) }
        o.set("title", ifPresent: languageMap(title, path: "\(assessmentPath).title"))
        o.set("awardedBy", process)
        if let grade = note(x.grade, path: "\(assessmentPath).grade") {
            o.set("grade", grade)
        } else if x != Assessment() {
            report.warn(.valueMissing, "the assessment has no grade; the EDC shapes want one", at: .modelPath(assessmentPath))
        }
        o.set("dateIssued", ifPresent: dateTime(x.date, path: "\(assessmentPath).date"))
        o.set("idVerification", ifPresent: concept(x.identityVerification ?? a.supervision, path: x.identityVerification != nil ? "\(assessmentPath).identityVerification" : "\(path).supervision"))
        if let assessor = x.assessor { o.set("assessedBy", organization(assessor, role: "\(assessmentPath).assessor")) }
        if let place = x.location { o.set("location", namedPlace(place, path: "\(assessmentPath).location")) }
        var spec = node("LearningAssessmentSpecification", id: localId("learningAssessmentSpec"))
        spec.set("title", ifPresent: languageMap(title, path: "\(assessmentPath).title"))
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
                g.set("title", ifPresent: languageMap(label, path: "\(assessmentPath).gradingScheme"))
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
