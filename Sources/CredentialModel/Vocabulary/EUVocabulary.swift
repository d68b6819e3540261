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
        return Concept(
            id: "http://data.europa.eu/snb/eqf/\(n)", scheme: eqfScheme, notation: String(n),
            label: LocalizedString("EQF level \(n)", language: "en"))
    }

    /// The EQF level number of a concept IRI `http://data.europa.eu/snb/eqf/N` (also accepts `https`).
    public static func eqfLevelNumber(ofIRI iri: String) -> Int? {
        for prefix in ["http://data.europa.eu/snb/eqf/", "https://data.europa.eu/snb/eqf/"] where iri.hasPrefix(prefix) {
            if let n = Int(iri.dropFirst(prefix.count)), (1...8).contains(n) { return n }
        }
        return nil
    }

    public static let modeOnline = concept("http://data.europa.eu/snb/learning-assessment/920fbb3cbe", modeScheme, "Online")
    public static let modeOnSite = concept("http://data.europa.eu/snb/learning-assessment/9191af2ed9", modeScheme, "Presential")
    public static let modeBlended = concept("http://data.europa.eu/snb/learning-assessment/e92d221e4d", modeScheme, "Blended")

    public static let settingFormal = concept("http://data.europa.eu/snb/learning-setting/6fd4685715", learningSettingScheme, "formal learning")
    public static let settingNonFormal = concept("http://data.europa.eu/snb/learning-setting/e207a81fc7", learningSettingScheme, "non-formal learning")

    public static let supervisedWithID = concept(
        "http://data.europa.eu/snb/supervision-verification/70be69aaf9", supervisionScheme, "Supervised with ID verification")
    public static let unsupervisedWithoutID = concept(
        "http://data.europa.eu/snb/supervision-verification/c598449d64", supervisionScheme, "Unsupervised without ID verification")

    public static let assessmentWrittenExam = concept("http://data.europa.eu/snb/assessment/6e6cb2cc78", assessmentTypeScheme, "Written exam")
    public static let assessmentOralExam = concept("http://data.europa.eu/snb/assessment/d30284d7df", assessmentTypeScheme, "Oral exam")
    public static let assessmentContinuous = concept("http://data.europa.eu/snb/assessment/3484bd7e51", assessmentTypeScheme, "Continuous evaluation")
    public static let assessmentQuiz = concept("http://data.europa.eu/snb/assessment/b1b68f6735", assessmentTypeScheme, "Quiz")

    public static let credentialGeneric = concept("http://data.europa.eu/snb/credential/e34929035b", credentialTypeScheme, "Generic")

    /// Every concept above, for label look-up by IRI.
    public static let knownConcepts: [Concept] = [
        ects, modeOnline, modeOnSite, modeBlended, settingFormal, settingNonFormal, supervisedWithID,
        unsupervisedWithoutID, assessmentWrittenExam, assessmentOralExam, assessmentContinuous, assessmentQuiz,
        credentialGeneric,
    ] + (1...8).compactMap(eqfLevel)

    /// The known concept with this IRI, with its scheme and English label.
    public static func concept(forIRI iri: String) -> Concept? {
        knownConcepts.first { $0.id == iri }
    }

    /// Fills in a concept's missing scheme, notation and label from the built-in table.
    public static func completed(_ c: Concept) -> Concept {
        guard let id = c.id, let known = concept(forIRI: id) else { return c }
        var out = c
        if out.scheme == nil { out.scheme = known.scheme }
        if out.notation == nil { out.notation = known.notation }
        if out.label == nil || out.label!.isEmpty { out.label = known.label }
        return out
    }

    private static func concept(_ id: String, _ scheme: String, _ label: String) -> Concept {
        Concept(id: id, scheme: scheme, label: LocalizedString(label, language: "en"))
    }
}
