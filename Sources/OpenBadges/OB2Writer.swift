import CredconvJSON
import CredentialModel

/// Writes the model as an Open Badges 2.0 Assertion with its BadgeClass and issuer Profile embedded
/// (`@context` `https://w3id.org/openbadges/v2`).
///
/// A credential repackaged from 2.0 gets its original assertion id back (from the evidence that links it).
/// `verification` is `hosted` only when the assertion, badge class and issuer ids are https URLs — a
/// hosted assertion must be published there to verify; otherwise the report says the output cannot be
/// verified. OB 2.0 texts are single strings: other languages, and everything 3.0 and the EU elements add
/// (achievement type, credits, results, levels, …), are named in the loss report.
public struct OB2Writer: Sendable {
    public var options: OB3WriterOptions

    public init(options: OB3WriterOptions = OB3WriterOptions()) { self.options = options }

    public func write(_ credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> JSONValue {
        var context = OB2WriteContext(options: options, credential: credential, report: report)
        let out = credential.kind == .endorsement ? try context.endorsement() : try context.assertion()
        report = context.report
        return .object(out)
    }
}

struct OB2WriteContext {
    let options: OB3WriterOptions
    let credential: Credential
    var report: ConversionReport
    let languages: [String]

    init(options: OB3WriterOptions, credential: Credential, report: ConversionReport) {
        self.options = options
        self.credential = credential
        self.report = report
        languages = [options.preferredLanguage, credential.primaryLanguage].compactMap { $0 }
    }

    /// One string for a text, reporting the languages left out.
    mutating func text(_ s: LocalizedString?, path: String) -> JSONValue? {
        guard let s, !s.isEmpty else { return nil }
        let chosen = s.best(preferring: languages)
        if s.entries.count > 1 {
            report.lose(.modelPath(path), "an OB 2.0 text is one string; kept \"\(chosen.prefix(40))\", left out the other \(s.entries.count - 1) language(s)")
        }
        return .string(chosen)
    }

    mutating func made(_ what: String) -> String {
        let id = options.makeIdentifier()
        report.warn(.identifierMinted, "the \(what) was missing; Open Badges 2.0 requires one, so \(id) was made")
        return id
    }

    static func isHTTPS(_ s: String?) -> Bool { s?.hasPrefix("https://") == true }

    // MARK: the assertion

    mutating func assertion() throws(Diagnostic) -> JSONObject {
        let c = credential
        if let signature = c.provenance.signature {
            report.warn(.unsignedOutput, "the input was \(signature.statement); the output is unsigned derived data")
        }
        guard let achievement = c.achievement ?? (c.name.map { name -> Achievement in var a = Achievement(); a.name = name; return a }) else {
            throw Diagnostic(.insufficientData, "the credential has no achievement (badge) to write", at: .modelPath("achievement"))
        }
        let original = c.evidence.first { $0.types.contains(OB2Reader.assertionEvidenceType) }
        var o = JSONObject()
        o.set("@context", .string("https://w3id.org/openbadges/v2"))
        o.set("type", .string("Assertion"))
        let id = original?.id ?? c.id ?? made("assertion id")
        o.set("id", .string(id))
        if original == nil, c.id != nil {
            // The migration guide gives a repackaged assertion a new credential id and links the
            // assertion as evidence: that is where this id comes back.
            report.warn(.writtenDifferently, "the credential's id is written as the assertion's id (read back, an OB 2.0 assertion's id is the original it was repackaged from)", at: .modelPath("id"))
        }
        o.set("recipient", .object(try recipient()))
        guard let issuedOn = c.dateOfIssue?.value else {
            throw Diagnostic(.insufficientData, "the credential has no date of issue, award or validity for issuedOn", at: .modelPath("issued"))
        }
        o.set("issuedOn", .string(ISODateText.dateTime(issuedOn) ?? issuedOn))
        if let until = c.validUntil { o.set("expires", .string(ISODateText.dateTime(until) ?? until)) }
        let badge = try badgeClass(achievement)
        o.set("badge", .object(badge))
        if Self.isHTTPS(id) && Self.isHTTPS(badge["id"]?.stringValue) && Self.isHTTPS(badge["issuer"]?.objectValue?["id"]?.stringValue) {
            o.set("verification", .object(JSONObject(["type": .string("hosted")])))
        } else {
            report.warn(.unverifiableOutput, "the assertion, badge class or issuer id is not an https URL: the OB 2.0 output cannot be verified (hosted verification needs all three published over https)")
        }
        if let image = c.subjectImage { o.set("image", .string(image.id)) }
        o.set("narrative", ifPresent: text(c.narrative, path: "narrative"))
        var evidence: [JSONValue] = []
        for (i, e) in c.evidence.enumerated() where !e.types.contains(OB2Reader.assertionEvidenceType) {
            var x = JSONObject()
            x.set("id", ifPresent: e.id.map(JSONValue.string))
            x.set("narrative", ifPresent: text(e.narrative, path: "evidence[\(i)].narrative"))
            x.set("name", ifPresent: text(e.name, path: "evidence[\(i)].name"))
            x.set("description", ifPresent: text(e.description, path: "evidence[\(i)].description"))
            x.set("genre", ifPresent: e.genre.map(JSONValue.string))
            x.set("audience", ifPresent: e.audience.map(JSONValue.string))
            for f in e.extensions.fields where f.family == OB2Reader.family { x.set(f.key, f.value) }
            evidence.append(x.count == 1 && x["id"] != nil ? x["id"]! : .object(x))
        }
        if !evidence.isEmpty { o.set("evidence", .array(evidence)) }
        reportCredentialLosses()
        writeKept(c.extensions, into: &o)
        return o
    }

    /// `recipient`: the first identity (hashed stays hashed), else the email, else the learner's id as a URL.
    mutating func recipient() throws(Diagnostic) -> JSONObject {
        let l = credential.learner
        var r = JSONObject()
        if let identity = l.identities.first {
            let type: String
            switch identity.identityType {
            case "emailAddress", "email": type = "email"
            case "ext:telephone", "phone", "telephone": type = "telephone"
            case "url", "identifier": type = "url"
            default: type = identity.identityType.hasPrefix("ext:") ? String(identity.identityType.dropFirst(4)) : identity.identityType
            }
            r.set("type", .string(type))
            r.set("hashed", .bool(identity.hashed))
            if let salt = identity.salt { r.set("salt", .string(salt)) }
            r.set("identity", .string(identity.identityHash))
            for (i, extra) in l.identities.enumerated().dropFirst() { report.lose(.modelPath("learner.identities[\(i)]"), "an OB 2.0 assertion has one recipient; \(extra.identityType) left out") }
            if l.email != nil { report.lose(.modelPath("learner.email"), "an OB 2.0 assertion has one recipient, the hashed identity; the email address is left out") }
            if l.id != nil { report.lose(.modelPath("learner.id"), "an OB 2.0 assertion has one recipient, the hashed identity; the learner's id is left out") }
        } else if let email = l.email {
            r.set("type", .string("email"))
            r.set("hashed", .bool(false))
            r.set("identity", .string(email))
            if l.id != nil { report.lose(.modelPath("learner.id"), "an OB 2.0 assertion has one recipient, the email address; the learner's id is left out") }
        } else if let id = l.id {
            r.set("type", .string("url"))
            r.set("hashed", .bool(false))
            r.set("identity", .string(id))
        } else {
            throw Diagnostic(.insufficientData, "an OB 2.0 assertion needs a recipient (an email, a hashed identity or an id); the learner has none", at: .modelPath("learner"))
        }
        for (field, name) in [("fullName", l.fullName), ("givenName", l.givenName), ("familyName", l.familyName)] where name != nil {
            report.lose(.modelPath("learner.\(field)"), "OB 2.0 recipients have no name")
        }
        if l.dateOfBirth != nil { report.lose(.modelPath("learner.dateOfBirth"), "OB 2.0 recipients have no date of birth") }
        for (i, _) in l.identifiers.enumerated() { report.lose(.modelPath("learner.identifiers[\(i)]"), "OB 2.0 recipients have one identity") }
        if !l.citizenship.isEmpty || l.gender != nil || l.placeOfBirth != nil { report.lose(.modelPath("learner"), "OB 2.0 recipients have no citizenship, gender or place of birth") }
        return r
    }

    // MARK: the badge class and the issuer

    mutating func badgeClass(_ a: Achievement) throws(Diagnostic) -> JSONObject {
        var b = JSONObject()
        b.set("type", .string("BadgeClass"))
        b.set("id", .string(a.id ?? made("badge class id")))
        guard let name = text(a.name ?? credential.name, path: "achievement.name") else {
            throw Diagnostic(.insufficientData, "the achievement has no name", at: .modelPath("achievement.name"))
        }
        b.set("name", name)
        if let description = text(a.description ?? credential.description, path: "achievement.description") {
            b.set("description", description)
        } else {
            report.warn(.valueSubstituted, "the badge has no description; OB 2.0 requires one, so its name was written")
            b.set("description", name)
        }
        if let image = a.image ?? credential.image { b.set("image", .string(image.id)) }
        if let criteria = a.criteria, criteria.id != nil || criteria.narrative != nil {
            var c = JSONObject()
            c.set("id", ifPresent: criteria.id.map(JSONValue.string))
            c.set("narrative", ifPresent: text(criteria.narrative, path: "achievement.criteria.narrative"))
            b.set("criteria", .object(c))
        } else {
            report.warn(.valueSubstituted, "the badge has no criteria; OB 2.0 requires them, so its description was written as the criteria narrative")
            b.set("criteria", .object(JSONObject(["narrative": b["description"]!])))
        }
        guard let issuer = credential.issuer ?? a.creator else { throw Diagnostic(.insufficientData, "the credential has no issuer", at: .modelPath("issuer")) }
        b.set("issuer", .object(profile(issuer, role: "issuer")))
        var alignments: [JSONValue] = []
        for (i, al) in a.alignments.enumerated() {
            var x = JSONObject()
            x.set("targetName", text(al.targetName, path: "achievement.alignments[\(i)].targetName") ?? .string(al.targetUrl))
            x.set("targetUrl", .string(al.targetUrl))
            x.set("targetDescription", ifPresent: text(al.targetDescription, path: "achievement.alignments[\(i)].targetDescription"))
            x.set("targetFramework", ifPresent: al.targetFramework.map(JSONValue.string))
            x.set("targetCode", ifPresent: al.targetCode.map(JSONValue.string))
            if al.targetType != nil { report.lose(.modelPath("achievement.alignments[\(i)].targetType"), "OB 2.0 alignments have no target type") }
            alignments.append(.object(x))
        }
        if let eqf = a.eqfLevel, let iri = eqf.id {
            var x = JSONObject()
            x.set("targetName", .string(eqf.displayText(preferring: languages)))
            x.set("targetUrl", .string(iri))
            x.set("targetFramework", .string("European Qualifications Framework"))
            alignments.append(.object(x))
        }
        if !alignments.isEmpty { b.set("alignment", .array(alignments)) }
        if !a.tags.isEmpty { b.set("tags", .array(a.tags.map(JSONValue.string))) }
        if let language = a.languages.first { b.set("@language", .string(language)) }
        b.set("version", ifPresent: a.version.map(JSONValue.string))
        let related = a.relations.filter { $0.kind == .relatedEdition }.map { r -> JSONValue in
            var x = JSONObject()
            x.set("type", .string("BadgeClass"))
            x.set("id", .string(r.id))
            x.set("@language", ifPresent: r.language.map(JSONValue.string))
            x.set("version", ifPresent: r.version.map(JSONValue.string))
            return .object(x)
        }
        if !related.isEmpty { b.set("related", .array(related)) }
        reportAchievementLosses(a)
        writeKept(a.extensions, into: &b)
        return b
    }

    mutating func profile(_ org: Organization, role: String) -> JSONObject {
        var p = JSONObject()
        p.set("type", .string("Profile"))
        p.set("id", .string(org.id ?? made("\(role) id")))
        p.set("name", ifPresent: text(org.name, path: "\(role).name"))
        p.set("url", ifPresent: org.url.map(JSONValue.string))
        p.set("email", ifPresent: org.email.map(JSONValue.string))
        p.set("telephone", ifPresent: org.phone.map(JSONValue.string))
        p.set("description", ifPresent: text(org.description, path: "\(role).description"))
        if let image = org.image { p.set("image", .string(image.id)) }
        if org.address != nil { report.lose(.modelPath("\(role).address"), "OB 2.0 profiles have no address") }
        for (i, _) in org.identifiers.enumerated() { report.lose(.modelPath("\(role).identifiers[\(i)]"), "OB 2.0 profiles have no identifiers besides their id") }
        if org.parent != nil { report.lose(.modelPath("\(role).parent"), "OB 2.0 profiles have no parent organisation") }
        for (i, _) in org.endorsements.enumerated() { report.lose(.modelPath("\(role).endorsements[\(i)]"), "OB 3.0 endorsement credentials are not OB 2.0 endorsements") }
        writeKept(org.extensions, into: &p)
        return p
    }

    // MARK: what OB 2.0 cannot hold

    mutating func reportAchievementLosses(_ a: Achievement) {
        let named: [(String, Bool)] = [
            ("achievementType", a.achievementType != nil), ("specificationType", a.specificationType != nil), ("fieldOfStudy", a.fieldOfStudy != nil),
            ("thematicAreas", !a.thematicAreas.isEmpty), ("specialization", a.specialization != nil), ("humanCode", a.humanCode != nil),
            ("identifiers", !a.identifiers.isEmpty), ("credits", a.credits != nil || !a.additionalCredits.isEmpty), ("workload", a.workload != nil),
            ("duration", a.duration != nil), ("nqfLevels", !a.nqfLevels.isEmpty), ("learningOutcomes", !a.learningOutcomes.isEmpty),
            ("learningOutcomeSummary", a.learningOutcomeSummary != nil), ("participationForm", a.participationForm != nil),
            ("learningSetting", a.learningSetting != nil), ("assessmentType", a.assessmentType != nil), ("supervision", a.supervision != nil),
            ("qualityAssurance", !a.qualityAssurance.isEmpty), ("prerequisites", a.prerequisites != nil), ("stackability", a.stackability != nil),
            ("isPartialQualification", a.isPartialQualification != nil), ("parts", !a.parts.isEmpty), ("resultDescriptions", !a.resultDescriptions.isEmpty),
            ("homepages", !a.homepages.isEmpty), ("supplementaryDocuments", !a.supplementaryDocuments.isEmpty), ("notes", !a.notes.isEmpty),
            ("endorsements", !a.endorsements.isEmpty), ("languages", a.languages.count > 1),
        ]
        for (name, present) in named where present { report.lose(.modelPath("achievement.\(name)"), "Open Badges 2.0 has no \(name)") }
        for r in a.relations where r.kind != .relatedEdition { report.lose(.modelPath("achievement.relations"), "OB 2.0 relates editions only; \(r.kind.rawValue) \(r.id) has no place") }
        if let creator = a.creator, creator != credential.issuer { report.lose(.modelPath("achievement.creator"), "an OB 2.0 badge class has one issuer") }
    }

    mutating func reportCredentialLosses() {
        let c = credential
        if c.credentialType != nil { report.lose(.modelPath("credentialType"), "OB 2.0 has no credential type") }
        if c.name != nil, c.name != c.achievement?.name { report.lose(.modelPath("name"), "an OB 2.0 assertion has no name of its own") }
        if c.description != nil, c.achievement?.description != nil { report.lose(.modelPath("description"), "an OB 2.0 assertion has no description of its own") }
        if c.issued != nil, c.issued != c.validFrom, c.issued != c.awardedDate { report.lose(.modelPath("issued"), "OB 2.0 has one date, issuedOn") }
        if c.awarding != nil { report.lose(.modelPath("awarding"), "OB 2.0 has no awarding process") }
        for (i, _) in c.otherAchievements.enumerated() { report.lose(.modelPath("otherAchievements[\(i)]"), "an OB 2.0 assertion awards one badge") }
        if let x = c.assessment, x != Assessment() { report.lose(.modelPath("assessment"), "OB 2.0 has no assessment or grade" + (x.grade.map { " (\($0.best()))" } ?? "")) }
        for (i, _) in c.results.enumerated() { report.lose(.modelPath("results[\(i)]"), "OB 2.0 has no results") }
        if c.creditsEarned != nil { report.lose(.modelPath("creditsEarned"), "OB 2.0 has no credits") }
        for (name, v) in [("activityStartDate", c.activityStartDate), ("activityEndDate", c.activityEndDate), ("term", c.term), ("role", c.role), ("licenseNumber", c.licenseNumber)] where v != nil {
            report.lose(.modelPath(name), "OB 2.0 has no \(name)")
        }
        if c.source != nil { report.lose(.modelPath("source"), "OB 2.0 has no source organisation") }
        for (i, _) in c.endorsements.enumerated() { report.lose(.modelPath("endorsements[\(i)]"), "OB 3.0 endorsement credentials are not OB 2.0 endorsements") }
        for (i, _) in c.status.enumerated() { report.lose(.modelPath("status[\(i)]"), "a status service of the original does not apply to derived data") }
        for (i, _) in c.termsOfUse.enumerated() { report.lose(.modelPath("termsOfUse[\(i)]"), "OB 2.0 has no terms of use") }
        if c.refreshService != nil { report.lose(.modelPath("refreshService"), "OB 2.0 has no refresh service") }
    }

    /// Fields kept from an OB 2.0 input are written back; others are reported.
    mutating func writeKept(_ bag: ExtensionBag, into o: inout JSONObject) {
        for f in bag.fields {
            if f.family == OB2Reader.family, o[f.key] == nil { o.set(f.key, f.value) } else { report.lose(kept: f, "Open Badges 2.0 has no place for this \(f.family) property", writerFamily: OB2Reader.family) }
        }
    }
}
