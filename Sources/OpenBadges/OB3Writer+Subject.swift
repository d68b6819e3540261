import CredconvJSON
import CredentialModel

extension OB3WriteContext {
    /// `credentialSubject` (an AchievementSubject).
    func subjectObject(report: inout ConversionReport) throws(Diagnostic) -> JSONObject {
        typealias Term = CredconvExtension.SubjectTerm
        let c = credential
        let learner = c.learner
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", ifPresent: learner.id.map(JSONValue.string))
        o.set("type", .array([.string("AchievementSubject")]))
        if let full = learner.fullName { o.set("name", text(full, "name", into: &translations)) }
        if let given = learner.givenName { setExtension(&o, Term.givenName, text(given, Term.givenName, into: &translations)) }
        if let family = learner.familyName { setExtension(&o, Term.familyName, text(family, Term.familyName, into: &translations)) }
        if let dob = learner.dateOfBirth {
            if let date = ISODateText.date(dob) {
                if date != dob { report.warn(.dateNormalised, "the date of birth \(dob) is written as the date \(date)", at: .modelPath("learner.dateOfBirth")) }
                setExtension(&o, Term.dateOfBirth, .string(date))
            } else {
                report.lose(.modelPath("learner.dateOfBirth"), "\"\(dob)\" is not a date", code: .valueNotExpressible)
            }
        }

        var identities = learner.identities
        if let email = learner.email, !identities.contains(where: { !$0.hashed && $0.identityHash == email }) {
            identities.append(IdentityHash(identityHash: email, identityType: "emailAddress", hashed: false))
        }
        if !identities.isEmpty {
            o.set("identifier", .array(identities.map { id in
                var i = JSONObject()
                i.set("type", .string("IdentityObject"))
                i.set("identityHash", .string(id.identityHash))
                i.set("identityType", .string(Self.identifierType(id.identityType)))
                i.set("hashed", .bool(id.hashed))
                i.set("salt", ifPresent: id.salt.map(JSONValue.string))
                return .object(i)
            }))
        }
        if !learner.identifiers.isEmpty {
            setExtension(&o, Term.learnerIdentifier, .array(learner.identifiers.enumerated().map { i, id in
                identifierEntry(id, at: "learner.identifiers[\(i)]", report: &report)
            }))
        }
        if let p = learner.placeOfBirth { setExtension(&o, Term.placeOfBirth, conceptJSON(p)) }
        if let g = learner.gender { setExtension(&o, Term.gender, conceptJSON(g)) }
        if !learner.citizenship.isEmpty { setExtension(&o, Term.citizenship, .array(learner.citizenship.map { conceptJSON($0) })) }
        if learner.id == nil && identities.isEmpty {
            report.warn(.valueMissing, "the learner has neither an id nor an identifier; OB 3.0 verifiers expect one of them")
        }

        let achievement: Achievement
        if let a = c.achievement {
            achievement = a
        } else if let name = c.name, !name.isEmpty {
            // A credential of participation (Europass activities only) or a bare credential: its title and
            // description stand for the achievement OB 3.0 requires.
            var a = Achievement(name: name)
            a.description = c.description
            a.achievementType = "Achievement"
            achievement = a
            report.warn(.valueSubstituted, "the credential holds no achievement; its title and description stand for the achievement Open Badges 3.0 requires")
        } else {
            throw Diagnostic(.insufficientData, "the credential has no achievement and no title; Open Badges 3.0 requires an achievement", at: .modelPath("achievement"))
        }
        var gradeResult: (description: JSONValue, result: JSONValue)? = nil
        var achievementObject = try self.achievementObject(achievement, path: "achievement", report: &report)
        if let grade = c.assessment?.grade, let achievementId = achievementObject["id"]?.stringValue {
            gradeResult = gradeResultPair(grade: grade, achievementId: achievementId)
            var descriptions = achievementObject["resultDescription"]?.arrayValue ?? []
            descriptions.append(gradeResult!.description)
            achievementObject.set("resultDescription", .array(descriptions))
        }
        o.set("achievement", .object(achievementObject))

        for (i, _) in c.otherAchievements.enumerated() {
            report.lose(.modelPath("otherAchievements[\(i)]"), "an Open Badges 3.0 credential holds one achievement; convert this one separately")
        }
        var results = c.results.enumerated().map { i, r in resultObject(r, at: "results[\(i)]", report: &report) }
        if let gradeResult { results.append(gradeResult.result) }
        if !results.isEmpty { o.set("result", .array(results)) }
        o.set("creditsEarned", ifPresent: c.creditsEarned?.jsonValue)
        o.set("activityStartDate", ifPresent: c.activityStartDate.map(JSONValue.string))
        o.set("activityEndDate", ifPresent: c.activityEndDate.map(JSONValue.string))
        o.set("licenseNumber", ifPresent: c.licenseNumber.map(JSONValue.string))
        if let n = c.narrative { o.set("narrative", text(n, "narrative", into: &translations)) }
        o.set("role", ifPresent: c.role.map(JSONValue.string))
        if let source = c.source { o.set("source", .object(profileObject(source, role: "source", at: "source", report: &report))) }
        o.set("term", ifPresent: c.term.map(JSONValue.string))
        if let image = c.subjectImage { o.set("image", imageObject(image, at: "subjectImage", report: &report)) }
        if let a = c.assessment { setExtension(&o, Term.assessment, assessmentObject(a, at: "assessment", report: &report)) }
        if let a = c.awarding { setExtension(&o, Term.awarding, awardingObject(a, at: "awarding", report: &report)) }
        finishTranslations(&o, translations)
        writeExtensions(learner.extensions, into: &o, report: &report)
        return o
    }

    /// The id suffix of the ResultDescription credconv makes for the assessment grade.
    static let gradeDescriptionSuffix = "#credconv-grade"

    /// A native Result and ResultDescription for the assessment grade, so OB 3.0 displayers show it.
    func gradeResultPair(grade: LocalizedString, achievementId: String) -> (description: JSONValue, result: JSONValue) {
        let id = achievementId + Self.gradeDescriptionSuffix
        var d = JSONObject()
        d.set("id", .string(id))
        d.set("type", .array([.string("ResultDescription")]))
        d.set("name", .string(credential.assessment?.title?.best(preferring: preferredLanguages) ?? "Grade"))
        d.set("resultType", .string("ext:Grade"))
        var r = JSONObject()
        r.set("type", .array([.string("Result")]))
        r.set("resultDescription", .string(id))
        r.set("value", .string(grade.best(preferring: preferredLanguages)))
        return (.object(d), .object(r))
    }

    func resultObject(_ r: Result, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("type", .array([.string("Result")]))
        o.set("achievedLevel", ifPresent: r.achievedLevel.map(JSONValue.string))
        if !r.alignments.isEmpty { o.set("alignment", .array(r.alignments.enumerated().map { i, al in alignmentObject(al, at: "\(path).alignments[\(i)]", report: &report) })) }
        o.set("resultDescription", ifPresent: r.resultDescription.map(JSONValue.string))
        o.set("status", ifPresent: r.status.map(JSONValue.string))
        o.set("value", ifPresent: r.value.map(JSONValue.string))
        writeExtensions(r.extensions, into: &o, report: &report)
        return .object(o)
    }

    func assessmentObject(_ a: Assessment, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string("Assessment"))
        o.set("id", ifPresent: a.id.map(JSONValue.string))
        if let t = a.title { o.set("name", textJSON(t)) }
        if let g = a.grade { o.set("grade", textJSON(g)) }
        if let s = a.gradingScheme { o.set("gradingScheme", conceptJSON(s)) }
        o.set("date", ifPresent: a.date.flatMap { dateTimeText($0, at: "\(path).date", report: &report) }.map(JSONValue.string))
        if let assessor = a.assessor { o.set("assessor", .object(profileObject(assessor, role: "assessor", at: "\(path).assessor", report: &report))) }
        if let v = a.identityVerification { o.set("identityVerification", conceptJSON(v)) }
        if let l = a.location { o.set("location", textJSON(l)) }
        return .object(o)
    }

    func awardingObject(_ a: Awarding, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string("AwardingProcess"))
        if !a.bodies.isEmpty {
            o.set("awardingBody", .array(a.bodies.enumerated().map { i, body in .object(profileObject(body, role: "awarding body", at: "\(path).bodies[\(i)]", report: &report)) }))
        }
        o.set("awardingDate", ifPresent: a.date.flatMap { dateTimeText($0, at: "\(path).date", report: &report) }.map(JSONValue.string))
        if let l = a.location { o.set("location", textJSON(l)) }
        if let d = a.description { o.set("description", textJSON(d)) }
        return .object(o)
    }
}
