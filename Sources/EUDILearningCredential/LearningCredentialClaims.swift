import CredconvJSON
import CredentialModel

/// The Learning Credential's claims computed from the model: one rule per claim, shared by the writer
/// and `check --profile eudi-lc`, so the two agree on what is there and what is missing.
public struct LearningCredentialClaims: Sendable {
    /// A mandatory claim the model has no data for, with the model field that would give it.
    public struct Missing: Sendable, Equatable {
        public var claim: String
        public var modelPath: String
        /// What to supply (`--merge` a model document with it).
        public var need: String
    }

    /// The claims, in the type's order (`cnf` only when a holder key was given).
    public var claims = JSONObject()
    /// Mandatory claims without data, in the type's order.
    public var missing: [Missing] = []
    /// How values were changed to fit the type (a language tag cut to ISO 639-1, a text to Yes/No).
    public var notes: [Diagnostic] = []

    /// The claims of `credential`; `holderKey` is the public JWK for `cnf`, `expiry` the `exp` (Unix
    /// seconds) to use when the credential has no end of validity, `makeIdentifier` makes the `jti` of a
    /// credential without an id (nil: the claim is missing).
    public init(
        _ credential: Credential, preferring languages: [String], holderKey: JSONObject?, expiry: Int64?,
        makeIdentifier: (() -> String)? = nil
    ) {
        let c = credential
        let prefer = languages + [c.primaryLanguage].compactMap { $0 }
        let a = c.achievement
        func text(_ s: LocalizedString?) -> String? {
            guard let s, !s.isEmpty else { return nil }
            let t = s.plainText(preferring: prefer)
            return t.isEmpty ? nil : t
        }
        /// The text written for a claim; its language tag and its other languages are noted as lost.
        func text(_ s: LocalizedString?, at path: String) -> String? {
            guard let written = text(s), let s else { return nil }
            let tagged = s.entries.filter { !$0.text.isEmpty && $0.language != LocalizedString.undetermined }
            if !tagged.isEmpty {
                let kept = tagged.first { $0.text == written }?.language ?? tagged[0].language
                let others = tagged.map(\.language).filter { $0 != kept }
                let lost = others.isEmpty ? "" : "; the \(others.joined(separator: ", ")) text\(others.count == 1 ? " is" : "s are") lost"
                notes.append(Diagnostic(.valueChanged, "written in one language (\(kept)), without its language tag: the type's claims are plain strings\(lost)", at: .modelPath(path)))
            }
            return written
        }

        if let id = c.id {
            claims.set("jti", .string(id))
        } else if let makeIdentifier {
            let id = makeIdentifier()
            claims.set("jti", .string(id))
            notes.append(Diagnostic(.identifierMinted, "the credential has no id; the Learning Credential's type requires a jti, so \(id) was made", at: .modelPath("id")))
        } else {
            need("jti", "id", "the credential's id (a URI), or one credconv makes when writing")
        }
        let issue = c.dateOfIssue
        if let issue, let seconds = ISOInstant.seconds(issue.value) {
            claims.set("iat", .integer(Int(seconds)))
        } else {
            need("iat", issue?.modelPath ?? "issued", "the date of issue")
        }
        if let from = c.validFrom, issue?.modelPath != "validFrom", let seconds = ISOInstant.seconds(from) {
            claims.set("nbf", .integer(Int(seconds)))
        }
        if let until = c.validUntil, let seconds = ISOInstant.seconds(until) {
            claims.set("exp", .integer(Int(seconds)))
        } else if let expiry {
            claims.set("exp", .integer(Int(expiry)))
        } else {
            need("exp", "validUntil", "an end of validity (validUntil), or --expires DATE")
        }
        claims.set("vct", .string(LearningCredentialType.vct))
        if let iss = c.issuer?.id { claims.set("iss", .string(iss)) } else { need("iss", "issuer.id", "the issuer's id (a URI)") }
        if let holderKey { claims.set("cnf", .object(JSONObject(["jwk": .object(holderKey)]))) }

        if let name = text(c.issuer?.name, at: "issuer.name") { claims.set("issuing_authority", .string(name)) } else {
            need("issuing_authority", "issuer.name", "the issuer's name")
        }
        if let country = Self.countryCode(c.issuer?.address) { claims.set("issuing_country", .string(country)) } else {
            need("issuing_country", "issuer.address.country", "the issuer's country (ISO 3166-1 alpha-2, e.g. {\"issuer\":{\"address\":{\"country\":\"DE\"}}})")
        }
        if let date = issue.flatMap({ ISODateText.date($0.value) }) { claims.set("date_of_issuance", .string(date)) } else {
            need("date_of_issuance", "issued", "the date of issue")
        }
        if let until = c.validUntil.flatMap(ISODateText.date) { claims.set("date_of_expiry", .string(until)) }

        if let family = text(c.learner.familyName, at: "learner.familyName") { claims.set("family_name", .string(family)) } else {
            let full = text(c.learner.fullName).map { " (the source has only the full name \"\($0)\", which credconv does not split)" } ?? ""
            need("family_name", "learner.familyName", "the learner's family name" + full)
        }
        if let given = text(c.learner.givenName, at: "learner.givenName") { claims.set("given_name", .string(given)) }
        if let title = text(a?.name, at: "achievement.name") ?? text(c.name, at: "name") { claims.set("achievement_title", .string(title)) } else {
            need("achievement_title", "achievement.name", "the achievement's title")
        }
        if let description = text(a?.description, at: "achievement.description") ?? text(c.description, at: "description") { claims.set("achievement_description", .string(description)) }
        let outcomes = (a?.learningOutcomes ?? []).enumerated().compactMap { text($1.text, at: "achievement.learningOutcomes[\($0)].text") }
        if !outcomes.isEmpty {
            claims.set("learning_outcomes", .array(outcomes.map(JSONValue.string)))
        } else if let summary = text(a?.learningOutcomeSummary) {
            claims.set("learning_outcomes", .array([.string(summary)]))
        }
        if let grade = text(c.assessment?.grade, at: "assessment.grade") ?? c.results.lazy.compactMap(\.value).first {
            claims.set("assessment_grade", .string(grade))
        }
        let languages = languageCodes(a?.languages ?? [])
        if !languages.isEmpty { claims.set("language_of_classes", .array(languages.map(JSONValue.string))) } else {
            need("language_of_classes", "achievement.languages", "the languages of instruction (ISO 639-1, e.g. [\"en\"])")
        }
        if let identification = c.learner.identifiers.first?.value ?? c.learner.id {
            claims.set("learner_identification", .string(identification))
        } else {
            need("learner_identification", "learner.identifiers", "a learner identification (student or national number)")
        }
        if let workload = a?.workload, !workload.isEmpty { claims.set("expected_study_time", .string(workload)) } else {
            let credits = a?.credits.map { " (the source gives \($0.value) credits, which are no study time: credconv does not convert them)" } ?? ""
            need("expected_study_time", "achievement.workload", "the notional workload as an ISO 8601 duration (PT150H)" + credits)
        }
        if let level = a?.eqfLevel.flatMap(Self.eqfNumber) { claims.set("level_of_learning_experience", .integer(level)) } else {
            need("level_of_learning_experience", "achievement.eqfLevel", "the EQF level (1–8)")
        }
        let assurance = (a?.qualityAssurance ?? []).compactMap { q in
            q.type.flatMap { $0.label.flatMap(text) ?? $0.notation ?? $0.id } ?? text(q.note) ?? text(q.body?.name)
        }
        if !assurance.isEmpty { claims.set("types_of_quality_assurance", .array(assurance.map(JSONValue.string))) } else {
            need("types_of_quality_assurance", "achievement.qualityAssurance", "the type of quality assurance (\"Internal Evaluation\", \"External Evaluation\")")
        }
        if let prerequisites = text(a?.prerequisites, at: "achievement.prerequisites") { claims.set("prerequisites_to_enroll", .array([.string(prerequisites)])) }
        if let a, let stackability = stackability(a, text: text) { claims.set("integration_stackability_options", .string(stackability)) }
    }

    private mutating func need(_ claim: String, _ modelPath: String, _ what: String) {
        missing.append(Missing(claim: claim, modelPath: modelPath, need: what))
    }

    /// ISO 639-1 codes of BCP 47 tags or EU language codes; what has none is noted.
    private mutating func languageCodes(_ tags: [String]) -> [String] {
        var out: [String] = []
        for (i, tag) in tags.enumerated() {
            let code = LanguageCode.bcp47(fromAlpha3: tag.split(separator: "-").first.map(String.init) ?? tag)
            guard let code else {
                notes.append(Diagnostic(.valueNotExpressible, "the language \(tag) has no ISO 639-1 code; language_of_classes leaves it out", at: .modelPath("achievement.languages[\(i)]")))
                continue
            }
            if code != tag { notes.append(Diagnostic(.valueChanged, "the language \(tag) is written as its ISO 639-1 code \(code)", at: .modelPath("achievement.languages[\(i)]"))) }
            if !out.contains(code) { out.append(code) }
        }
        return out
    }

    /// "Yes" or "No": a stackability text that says so, else "Yes" when the model says it stacks.
    private mutating func stackability(_ a: Achievement, text: (LocalizedString?) -> String?) -> String? {
        let stated = text(a.stackability)
        if let stated, ["yes", "no"].contains(stated.lowercased()) { return stated.lowercased() == "yes" ? "Yes" : "No" }
        let stacks = a.relations.contains { $0.kind == .isPartOf || $0.kind == .stacksInto } || a.isPartialQualification == true
        guard stated != nil || stacks else { return nil }
        if let stated {
            notes.append(Diagnostic(.valueChanged, "the stackability text \"\(stated)\" is written as Yes (the type holds only Yes or No)", at: .modelPath("achievement.stackability")))
        }
        return "Yes"
    }

    /// ISO 3166-1 alpha-2 of an address.
    static func countryCode(_ address: Address?) -> String? {
        if let country = address?.country { return country.alpha2 }
        if let code = address?.unlistedCountryCode, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) { return code }
        return nil
    }

    /// The EQF level number of a concept (`http://data.europa.eu/snb/eqf/6`, notation `6`).
    static func eqfNumber(_ concept: Concept) -> Int? {
        if let iri = concept.id, let n = EUVocabulary.eqfLevelNumber(ofIRI: iri) { return n }
        if let notation = concept.notation, let n = Int(notation), (1...8).contains(n) { return n }
        return nil
    }
}
