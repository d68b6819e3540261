/// The EU concept IRIs (EU Vocabularies, `http://data.europa.eu/snb/…`) credconv needs offline, with
/// English labels. Europass XML requires a label for every code, so these must not depend on a lookup.
public enum EUVocabulary {
    // MARK: schemes

    public static let eqfScheme = "http://data.europa.eu/snb/eqf/25831c2"
    public static let nqfScheme = "http://data.europa.eu/snb/qdr/25831c2"
    public static let creditSystemScheme = "http://data.europa.eu/snb/education-credit/25831c2"
    public static let iscedFScheme = "http://data.europa.eu/snb/isced-f/25831c2"
    public static let assessmentTypeScheme = "http://data.europa.eu/snb/assessment/25831c2"
    public static let modeScheme = "http://data.europa.eu/snb/learning-assessment/25831c2"
    public static let learningSettingScheme = "http://data.europa.eu/snb/learning-setting/25831c2"
    public static let supervisionScheme = "http://data.europa.eu/snb/supervision-verification/25831c2"
    public static let credentialTypeScheme = "http://data.europa.eu/snb/credential/25831c2"
    public static let escoSkillScheme = "http://data.europa.eu/esco/concept-scheme/skills"

    // MARK: concepts

    /// The European Credit Transfer and Accumulation System.
    public static let ects = Concept(
        id: "http://data.europa.eu/snb/education-credit/6fcec5c5af", scheme: creditSystemScheme,
        notation: "ECTS", label: LocalizedString("European Credit Transfer and Accumulation System", language: "en"))

    /// EQF level `n` (1…8); nil outside that range.
    public static func eqfLevel(_ n: Int) -> Concept? {
        guard (1...8).contains(n) else { return nil }
        return eqfLevels[n - 1]
    }

    /// The eight EQF level concepts, made once.
    private static let eqfLevels: [Concept] = (1...8).map { n in
        Concept(
            id: "http://data.europa.eu/snb/eqf/\(n)", scheme: eqfScheme, notation: String(n),
            label: LocalizedString("EQF level \(n)", language: "en"))
    }

    /// The EQF level number of a concept IRI `http://data.europa.eu/snb/eqf/N` (also accepts `https`).
    public static func eqfLevelNumber(ofIRI iri: String) -> Int? {
        for prefix in eqfIRIPrefixes where iri.hasPrefix(prefix) {
            if let n = Int(Substring(iri.utf8.dropFirst(prefix.utf8.count))), (1...8).contains(n) { return n }
        }
        return nil
    }

    private static let eqfIRIPrefixes = ["http://data.europa.eu/snb/eqf/", "https://data.europa.eu/snb/eqf/"]

    public static let learningOpportunityScheme = "http://data.europa.eu/snb/learning-opportunity/25831c2"
    public static let accreditationScheme = "http://data.europa.eu/snb/accreditation/25831c2"
    public static let countryScheme = "http://publications.europa.eu/resource/authority/country"
    public static let languageScheme = "http://publications.europa.eu/resource/authority/language"
    public static let escoSkillSchemeV2 = "http://data.europa.eu/esco/model#Skill"

    public static let modeOnline = concept("http://data.europa.eu/snb/learning-assessment/920fbb3cbe", modeScheme, "Online")
    public static let modeOnSite = concept("http://data.europa.eu/snb/learning-assessment/9191af2ed9", modeScheme, "Presential")
    public static let modeBlended = concept("http://data.europa.eu/snb/learning-assessment/e92d221e4d", modeScheme, "Blended")

    public static let settingFormal = concept("http://data.europa.eu/snb/learning-setting/6fd4685715", learningSettingScheme, "formal learning")
    public static let settingNonFormal = concept("http://data.europa.eu/snb/learning-setting/e207a81fc7", learningSettingScheme, "non-formal learning")

    public static let supervisedWithID = concept(
        "http://data.europa.eu/snb/supervision-verification/70be69aaf9", supervisionScheme, "Supervised with ID verification")
    public static let unsupervisedWithoutID = concept(
        "http://data.europa.eu/snb/supervision-verification/c598449d64", supervisionScheme, "Unsupervised without ID verification")
    public static let idVerificationOnly = concept(
        "http://data.europa.eu/snb/supervision-verification/44314532f9", supervisionScheme, "ID verification")

    public static let assessmentWrittenExam = concept("http://data.europa.eu/snb/assessment/6e6cb2cc78", assessmentTypeScheme, "written examination")
    public static let assessmentOralExam = concept("http://data.europa.eu/snb/assessment/d30284d7df", assessmentTypeScheme, "oral examination")
    public static let assessmentContinuous = concept("http://data.europa.eu/snb/assessment/3484bd7e51", assessmentTypeScheme, "continuous evaluation")
    public static let assessmentQuiz = concept("http://data.europa.eu/snb/assessment/b1b68f6735", assessmentTypeScheme, "quiz")
    public static let assessmentPractical = concept("http://data.europa.eu/snb/assessment/6a4db9f11d", assessmentTypeScheme, "practical assessment")
    public static let assessmentAttendance = concept("http://data.europa.eu/snb/assessment/7331eb4762", assessmentTypeScheme, "level of attendance")

    public static let credentialGeneric = concept("http://data.europa.eu/snb/credential/e34929035b", credentialTypeScheme, "Generic")
    public static let credentialDiplomaSupplement = concept("http://data.europa.eu/snb/credential/6dff8a0f87", credentialTypeScheme, "Diploma Supplement")

    /// Every concept above, plus the ISCED-F fields, for label look-up by IRI.
    public static let knownConcepts: [Concept] = [
        ects, modeOnline, modeOnSite, modeBlended, settingFormal, settingNonFormal, supervisedWithID,
        unsupervisedWithoutID, idVerificationOnly, assessmentWrittenExam, assessmentOralExam, assessmentContinuous,
        assessmentQuiz, assessmentPractical, assessmentAttendance, credentialGeneric, credentialDiplomaSupplement,
    ] + (1...8).compactMap(eqfLevel) + ISCEDFields.all.map { code, label in
        Concept(id: "http://data.europa.eu/snb/isced-f/\(code)", scheme: iscedFScheme, notation: code, label: LocalizedString(label, language: "en"))
    }

    private static let byIRI: [String: Concept] = {
        var d: [String: Concept] = [:]
        for c in knownConcepts { if let id = c.id { d[id] = c } }
        return d
    }()

    /// English names of the schemes (Europass `targetFrameworkName`).
    public static let schemeNames: [String: String] = [
        credentialTypeScheme: "Europass Standard List of Credential Types",
        eqfScheme: "European Qualifications Framework",
        nqfScheme: "National Qualifications Framework",
        iscedFScheme: "International Standard Classification of Education: Fields of Education and Training 2013",
        assessmentTypeScheme: "Europass Standard List Of Assessment Types",
        modeScheme: "Europass Standard List of Modes Of Learning and Assessment",
        learningSettingScheme: "Europass Standard List Of Learning Setting Types",
        supervisionScheme: "Europass Standard List of Methods Of Supervision And Verification",
        learningOpportunityScheme: "Europass Standard List of Learning Opportunity Types",
        creditSystemScheme: "Europass Standard List of Education Credit Systems",
        accreditationScheme: "Europass Standard List of Accreditation Types",
        "http://data.europa.eu/snb/learning-activity/25831c2": "Europass Standard List Of Learning Activity Types",
        "http://data.europa.eu/snb/encoding/25831c2": "Europass Standard List of Content Encoding Types",
        "http://data.europa.eu/snb/skill-type/25831c2": "ESCO Skill Pillar concept (sub-) Types",
        "http://data.europa.eu/snb/skill-reuse-level/25831c2": "ESCO Skill Pillar concept reusability levels",
        "http://data.europa.eu/snb/entitlement/25831c2": "Europass Standard List of Entitlement Types",
        "http://data.europa.eu/snb/entitlement-status/25831c2": "Europass Standard List of Entitlement Statuses",
        countryScheme: "Countries Named Authority List",
        languageScheme: "Languages Named Authority List",
        "http://publications.europa.eu/resource/authority/human-sex": "Human sexes Named Authority List",
        "http://publications.europa.eu/resource/authority/file-type": "File types Named Authority List",
        "http://publications.europa.eu/resource/authority/atu": "Administrative territorial units Named Authority List",
        escoSkillSchemeV2: "ESCO skills",
        escoSkillScheme: "ESCO skills",
    ]

    /// The scheme a concept IRI belongs to, for the EU vocabularies whose IRIs share a prefix with their scheme.
    public static func scheme(ofIRI iri: String) -> String? {
        if iri.hasPrefix(countryScheme + "/") { return countryScheme }
        if iri.hasPrefix(languageScheme + "/") { return languageScheme }
        if iri.hasPrefix("http://data.europa.eu/esco/skill/") { return escoSkillSchemeV2 }
        guard iri.hasPrefix("http://data.europa.eu/snb/"), let slash = iri.lastIndex(of: "/") else { return nil }
        let scheme = String(iri[..<slash]) + "/25831c2"
        return schemeNames[scheme] != nil ? scheme : nil
    }

    /// The known concept with this IRI, with its scheme and English label; countries and languages of
    /// the EU authority tables too.
    public static func concept(forIRI iri: String) -> Concept? {
        if let c = byIRI[iri] { return c }
        if iri.hasPrefix(countryScheme + "/"), let country = Country(anyCode: iri) {
            return concept(for: country)
        }
        if iri.hasPrefix(languageScheme + "/"), let tag = LanguageCode.bcp47(fromAlpha3: iri), let name = LanguageCode.englishName(ofBCP47: tag) {
            return Concept(id: iri, scheme: languageScheme, notation: authorityCode(ofIRI: iri), label: LocalizedString(name, language: "en"))
        }
        return nil
    }

    /// The concept for a country in the EU authority table.
    public static func concept(for country: Country) -> Concept {
        Concept(id: country.euAuthorityIRI, scheme: countryScheme, notation: country.alpha3, label: LocalizedString(country.englishName, language: "en"))
    }

    /// The EU Publications Office authority tables (`http://publications.europa.eu/resource/authority/…`).
    public static let authorityTablePrefix = "http://publications.europa.eu/resource/authority/"

    /// The code of a concept of an EU authority table, which is its notation: `HRV` for
    /// `…/authority/country/HRV`, `NLD` for `…/authority/language/NLD`; nil for any other IRI.
    public static func authorityCode(ofIRI iri: String) -> String? {
        guard iri.hasPrefix(authorityTablePrefix) else { return nil }
        let path = iri.dropFirst(authorityTablePrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard path.count == 2, !path[0].isEmpty, !path[1].isEmpty else { return nil }
        return String(path[1])
    }

    /// A notation that names the table instead of the code (`"country"`, `"language"`, `"file-type"`, as
    /// the EDC tools write them): no code, so readers drop it and writers put the code.
    public static func isPlaceholderNotation(_ notation: String?, ofIRI iri: String?) -> Bool {
        guard let notation, let iri, iri.hasPrefix(authorityTablePrefix) else { return false }
        let table = iri.dropFirst(authorityTablePrefix.count).split(separator: "/").first.map(String.init)
        return notation == table && authorityCode(ofIRI: iri) != notation
    }

    /// A concept as read: without a placeholder notation (see ``isPlaceholderNotation(_:ofIRI:)``).
    public static func withoutPlaceholderNotation(_ c: Concept) -> Concept {
        guard isPlaceholderNotation(c.notation, ofIRI: c.id) else { return c }
        var out = c
        out.notation = nil
        return out
    }

    /// Fills in a concept's missing scheme, notation and label from the built-in table.
    /// A concept of an EU authority table always gets its code as notation.
    public static func completed(_ c: Concept) -> Concept {
        var out = c
        if let id = c.id, let code = authorityCode(ofIRI: id) { out.notation = code }
        guard let id = c.id, let known = concept(forIRI: id) else { return out }
        if out.scheme == nil { out.scheme = known.scheme }
        if out.notation == nil { out.notation = known.notation }
        if out.label == nil || out.label!.isEmpty { out.label = known.label }
        return out
    }

    private static func concept(_ id: String, _ scheme: String, _ label: String) -> Concept {
        Concept(id: id, scheme: scheme, label: LocalizedString(label, language: "en"))
    }
}
