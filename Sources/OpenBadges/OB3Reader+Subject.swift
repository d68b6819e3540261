import CredconvJSON
import CredentialModel
import JSONMapping

extension OB3Reader {
    /// `credentialSubject` of an AchievementCredential.
    func readAchievementSubject(
        _ s: inout ObjectCursor, into credential: inout Credential, report: inout ConversionReport
    ) throws(Diagnostic) {
        typealias Term = CredconvExtension.SubjectTerm
        var learner = Learner(id: try s.string("id"))
        let subjectTypes = try s.types()
        if !subjectTypes.isEmpty && !subjectTypes.contains("AchievementSubject") {
            report.warn(.nonconformingInput, "credentialSubject type is \(subjectTypes.joined(separator: ", ")), not AchievementSubject", at: .jsonPointer((s.pointer / "type").description))
        }
        let translations = try TranslationTable(&s)
        learner.fullName = try translations.apply("name", try s.localized("name"))
        learner.givenName = try translations.apply(Term.givenName, try s.localized(Term.givenName))
        learner.familyName = try translations.apply(Term.familyName, try s.localized(Term.familyName))
        learner.dateOfBirth = try s.string(Term.dateOfBirth)
        for (i, cursor) in try s.objects("identifier").enumerated() {
            var o = cursor
            let types = try o.types()
            if types != ["IdentityObject"] {
                report.warn(.nonconformingInput, "identifier type \(types.isEmpty ? "(none)" : types.joined(separator: ", ")) is not IdentityObject; read as one", at: .jsonPointer((s.pointer / "identifier" / i / "type").description))
            }
            let hash = try o.requiredString("identityHash")
            var identityType = try o.requiredString("identityType")
            if identityType == "email" {
                report.warn(.nonconformingInput, "identityType \"email\" is Open Badges 2.0; read as emailAddress", at: .jsonPointer((o.pointer / "identityType").description))
                identityType = "emailAddress"
            }
            guard let hashed = try o.bool("hashed") else { throw o.missing("hashed") }
            let salt = try o.string("salt")
            learner.identities.append(IdentityHash(identityHash: hash, identityType: identityType, hashed: hashed, salt: salt))
        }
        for entry in try s.objects(Term.learnerIdentifier) { learner.identifiers.append(try readIdentifierEntry(entry)) }
        learner.placeOfBirth = try ExtensionCodec.concept(&s, Term.placeOfBirth)
        learner.gender = try ExtensionCodec.concept(&s, Term.gender)
        learner.citizenship = try ExtensionCodec.concepts(&s, Term.citizenship)

        if let achievement = try s.object("achievement") {
            credential.achievement = try readAchievement(achievement, report: &report)
        } else {
            report.warn(.nonconformingInput, "the credential subject has no achievement (OB 3.0 requires one); read without it", at: .jsonPointer((s.pointer / "achievement").description))
        }

        for cursor in try s.objects("result") { credential.results.append(try readResult(cursor)) }
        credential.creditsEarned = try s.number("creditsEarned")
        credential.activityStartDate = try s.string("activityStartDate")
        credential.activityEndDate = try s.string("activityEndDate")
        credential.licenseNumber = try s.string("licenseNumber")
        credential.narrative = try translations.apply("narrative", try s.localized("narrative", format: .markdown))
        credential.role = try s.string("role")
        credential.term = try s.string("term")
        credential.subjectImage = try readImage(&s, "image", report: &report)
        if let source = try s.idOrObject("source") {
            credential.source = try readProfileOrId(source, at: s.pointer / "source", report: &report)
        }
        if let a = try s.object(Term.assessment) { credential.assessment = try readAssessment(a, report: &report) }
        if let a = try s.object(Term.awarding) { credential.awarding = try readAwarding(a, report: &report) }
        if credential.assessment?.grade != nil {
            // The Result and ResultDescription the writer derives from the assessment grade are not data of their own.
            credential.results.removeAll { $0.resultDescription?.hasSuffix(OB3WriteContext.gradeDescriptionSuffix) == true }
            credential.achievement?.resultDescriptions.removeAll { $0.id.hasSuffix(OB3WriteContext.gradeDescriptionSuffix) }
        }
        learner.extensions = s.unreadMembers(family: Self.family)
        credential.learner = learner
    }

    func readResult(_ cursor: ObjectCursor) throws(Diagnostic) -> Result {
        var o = cursor
        var r = Result()
        try o.consumeTypes()
        r.resultDescription = try o.string("resultDescription")
        r.value = try o.scalarText("value")
        r.status = try o.string("status")
        r.achievedLevel = try o.string("achievedLevel")
        r.alignments = try o.objects("alignment").map(readAlignment)
        r.extensions = o.unreadMembers(family: Self.family)
        return r
    }

    func readAssessment(_ cursor: ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> Assessment {
        var o = cursor
        var a = Assessment()
        try o.consumeTypes()
        a.id = try o.string("id")
        a.title = try o.localized("name")
        a.grade = try o.localized("grade")
        a.gradingScheme = try ExtensionCodec.concept(&o, "gradingScheme")
        a.date = try o.string("date")
        if let assessor = try o.idOrObject("assessor") {
            a.assessor = try readProfileOrId(assessor, at: o.pointer / "assessor", report: &report)
        }
        a.identityVerification = try ExtensionCodec.concept(&o, "identityVerification")
        a.location = try o.localized("location")
        return a
    }

    func readAwarding(_ cursor: ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> Awarding {
        var o = cursor
        var a = Awarding()
        try o.consumeTypes()
        for body in try o.objects("awardingBody") { a.bodies.append(try readProfile(body, report: &report)) }
        a.date = try o.string("awardingDate")
        a.location = try o.localized("location")
        a.description = try o.localized("description")
        return a
    }
}
