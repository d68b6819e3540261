import CredconvJSON
import CredentialModel

/// The Learning Credential's claims mapped into the model, each claim once; claims the model has no
/// field for are kept (family `eudi-lc`) so that a Learning Credential written again carries them.
struct ClaimMapping {
    var claims: JSONObject
    private var used: Set<String> = []

    init(claims: JSONObject) { self.claims = claims }

    mutating func map(into c: inout Credential, report: inout ConversionReport) throws(Diagnostic) {
        var achievement = Achievement()
        var issuer = Organization()

        c.id = try string("jti")
        issuer.id = try string("iss")
        issuer.name = try string("issuing_authority").map { LocalizedString($0) }
        if let code = try string("issuing_country") {
            var address = Address()
            if let country = Country(alpha2: code.uppercased()), code.count == 2 {
                address.country = country
                if code != country.alpha2 { report.warn(.nonconformingInput, "issuing_country \(code) is not upper case", at: .jsonPointer("/issuing_country")) }
            } else {
                address.unlistedCountryCode = code
                report.warn(.nonconformingInput, "issuing_country \(code) is no ISO 3166-1 alpha-2 code", at: .jsonPointer("/issuing_country"))
            }
            issuer.address = address
        }
        let iat = try time("iat"), nbf = try time("nbf"), exp = try time("exp")
        c.validFrom = nbf
        if let iat, iat != nbf { c.issued = iat }
        c.validUntil = exp
        if let date = try string("date_of_issuance") {
            if c.issued == nil && c.validFrom == nil { c.issued = date }
            else if ISODateText.date(c.issued ?? c.validFrom ?? "") != date { keep("date_of_issuance", c: &c) }
        }
        if let date = try string("date_of_expiry") {
            if c.validUntil == nil { c.validUntil = date } else if ISODateText.date(c.validUntil!) != date { keep("date_of_expiry", c: &c) }
        }
        if let vct = try string("vct"), vct != LearningCredentialType.vct {
            report.warn(.nonconformingInput, "vct is \(vct), not \(LearningCredentialType.vct)", at: .jsonPointer("/vct"))
        }
        c.learner.familyName = try string("family_name").map { LocalizedString($0) }
        c.learner.givenName = try string("given_name").map { LocalizedString($0) }
        if let identification = try string("learner_identification") {
            if Self.isIRI(identification) { c.learner.id = identification } else { c.learner.identifiers = [Identifier(value: identification)] }
        }
        if let sub = try string("sub") {
            if c.learner.id == nil { c.learner.id = sub } else if c.learner.id != sub { keep("sub", c: &c) }
        }
        if let title = try string("achievement_title") {
            achievement.name = LocalizedString(title)
            c.name = LocalizedString(title)
        }
        achievement.description = try string("achievement_description").map { LocalizedString($0) }
        achievement.learningOutcomes = try strings("learning_outcomes").map { LearningOutcome(text: LocalizedString($0)) }
        if let grade = try string("assessment_grade") {
            var assessment = Assessment()
            assessment.grade = LocalizedString(grade)
            c.assessment = assessment
        }
        achievement.languages = try strings("language_of_classes")
        achievement.workload = try string("expected_study_time")
        if let level = claims["level_of_learning_experience"] {
            used.insert("level_of_learning_experience")
            let number = level.numberText.flatMap { Int($0) } ?? level.stringValue.flatMap { Int($0.trimmingSpaces()) }
            if let number, let concept = EUVocabulary.eqfLevel(number) {
                achievement.eqfLevel = concept
            } else {
                throw Diagnostic(.invalidValue, "level_of_learning_experience is no EQF level (1–8)", at: .jsonPointer("/level_of_learning_experience"))
            }
        }
        achievement.qualityAssurance = try strings("types_of_quality_assurance").map { label in
            var q = QualityAssurance()
            q.type = Concept(label: LocalizedString(label))
            return q
        }
        let prerequisites = try strings("prerequisites_to_enroll")
        if !prerequisites.isEmpty { achievement.prerequisites = LocalizedString(prerequisites.joined(separator: "; ")) }
        if prerequisites.count > 1 {
            report.warn(.writtenDifferently, "the \(prerequisites.count) prerequisites are kept as one text, joined by \"; \"", at: .jsonPointer("/prerequisites_to_enroll"))
        }
        achievement.stackability = try string("integration_stackability_options").map { LocalizedString($0) }

        c.issuer = issuer
        c.achievement = achievement
        for member in claims where !used.contains(member.key) && !Self.structural.contains(member.key) {
            c.extensions.keep(member.key, member.value, at: .jsonPointer((JSONPointer.root / member.key).description), family: LearningCredentialFormat.family)
        }
    }

    /// Claims that belong to the SD-JWT, not to the credential's data.
    static let structural: Set<String> = ["vct"]

    private mutating func keep(_ name: String, c: inout Credential) {
        if let value = claims[name] { c.extensions.keep(name, value, at: .jsonPointer("/\(name)"), family: LearningCredentialFormat.family) }
    }

    private mutating func string(_ name: String) throws(Diagnostic) -> String? {
        used.insert(name)
        guard let value = claims[name] else { return nil }
        guard let s = value.stringValue else {
            throw Diagnostic(.typeMismatch, "\(name) is a JSON \(value.typeName), not a string", at: .jsonPointer("/\(name)"))
        }
        return s
    }

    private mutating func strings(_ name: String) throws(Diagnostic) -> [String] {
        used.insert(name)
        guard let value = claims[name] else { return [] }
        if let s = value.stringValue { return [s] }
        guard case .array(let elements) = value else {
            throw Diagnostic(.typeMismatch, "\(name) is a JSON \(value.typeName), not an array of strings", at: .jsonPointer("/\(name)"))
        }
        var out: [String] = []
        for (i, e) in elements.enumerated() {
            guard let s = e.stringValue else {
                throw Diagnostic(.typeMismatch, "\(name)[\(i)] is a JSON \(e.typeName), not a string", at: .jsonPointer("/\(name)/\(i)"))
            }
            out.append(s)
        }
        return out
    }

    /// A JWT time claim as an ISO 8601 date-time.
    private mutating func time(_ name: String) throws(Diagnostic) -> String? {
        used.insert(name)
        guard let value = claims[name] else { return nil }
        guard let number = value.numberText else {
            throw Diagnostic(.typeMismatch, "\(name) is a JSON \(value.typeName), not a number of seconds", at: .jsonPointer("/\(name)"))
        }
        switch UnixTime.isoDateTime(fromSeconds: number) {
        case .success(let iso): return iso
        case .failure:
            throw Diagnostic(.invalidValue, "the JWT claim \(name) (\(number)) is no Unix time in the years 1–9999", at: .jsonPointer("/\(name)"))
        }
    }

    static func isIRI(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        return s[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") } && s[s.startIndex].isLetter
    }

}
