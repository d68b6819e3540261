/// The elements of Annex I of the Council Recommendation of 16 June 2022 on micro-credentials, found in
/// a credential: which are present, with their value as text and where in the model they are.
public struct MicroCredentialElement: Sendable, Equatable {
    /// A stable name (`learner`, `title`, `issuer-country`, …).
    public var name: String
    /// The element as Annex I names it.
    public var label: String
    /// Part I (mandatory) or Part II (optional).
    public var isMandatory: Bool
    /// The value found, as text; nil when the credential lacks the element.
    public var value: String?
    /// Where in the model the value is (or would be).
    public var modelPath: String

    public var isPresent: Bool { value != nil }

    public init(name: String, label: String, isMandatory: Bool, value: String?, modelPath: String) {
        self.name = name
        self.label = label
        self.isMandatory = isMandatory
        self.value = value
        self.modelPath = modelPath
    }
}

/// The Annex I elements of one achievement, as text: the one projection `check`, the Open Badges 3.0
/// narrative summary and the certificate share, so the three agree on every value.
public struct AchievementElementValues: Sendable, Equatable {
    public var workload: String?
    public var level: String?
    public var assessmentType: String?
    public var participation: String?
    public var qualityAssurance: String?
    public var prerequisites: String?
    public var supervision: String?
    public var grade: String?
    public var stackability: String?
    public var learningOutcomes: [String] = []
    public var homepages: [String] = []

    public init() {}
}

/// The words the projection puts around values (units, relations), in one language. English by
/// default; the certificate passes its own language's words, so only these words differ between outputs.
public struct ElementWording: Sendable, Equatable {
    public var ectsCredits = "ECTS credits"
    public var credits = "credits"
    public var hours = "hours"
    public var partOf = "part of"
    public var stacksInto = "stacks into"
    public var partialQualification = "partial qualification"

    public init() {}
    public static let english = ElementWording()
}

public enum MicroCredentialElements {
    /// The best non-empty plain text for the preferred languages.
    static func text(_ s: LocalizedString?, _ prefer: [String]) -> String? { s.flatMap { $0.isEmpty ? nil : $0.plainText(preferring: prefer) } }

    /// The non-empty parts joined; nil when there are none.
    static func joined(_ parts: [String?], _ separator: String = "; ") -> String? {
        let p = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return p.isEmpty ? nil : p.joined(separator: separator)
    }

    /// Credit points as text: `6 ECTS credits`, `10 credits (ECVET)`.
    static func credits(_ c: CreditPoints, _ w: ElementWording, _ prefer: [String]) -> String {
        if c.isECTS { return "\(c.value) \(w.ectsCredits)" }
        return "\(c.value) \(w.credits)" + (c.system.map { " (\($0.displayText(preferring: prefer)))" } ?? "")
    }

    /// A workload duration as text: `150 hours` for `PT150H`, else the duration as written.
    static func workload(_ iso: String, _ w: ElementWording) -> String {
        WorkloadText.hours(iso).map { "\($0) \(w.hours)" } ?? iso
    }

    /// The element values of one achievement, with its assessment (grade, identity verification).
    public static func values(of a: Achievement, assessment: Assessment?, preferring prefer: [String],
                              wording w: ElementWording = .english) -> AchievementElementValues {
        func text(_ s: LocalizedString?) -> String? { Self.text(s, prefer) }
        func concept(_ c: Concept?) -> String? { c.map { $0.label.flatMap(text) ?? $0.notation ?? $0.id ?? "" }.flatMap { $0.isEmpty ? nil : $0 } }
        var v = AchievementElementValues()
        v.workload = joined([a.credits.map { credits($0, w, prefer) }] + a.additionalCredits.map { credits($0, w, prefer) }
                            + [a.workload.map { workload($0, w) }])
        v.level = joined([concept(a.eqfLevel)] + a.nqfLevels.map(concept))
        v.assessmentType = concept(a.assessmentType)
        v.participation = joined([concept(a.participationForm), concept(a.learningSetting)])
        v.qualityAssurance = joined(a.qualityAssurance.map { q in
            joined([concept(q.type), q.body.flatMap { text($0.name) }, text(q.note)], ", ")
        })
        v.prerequisites = text(a.prerequisites)
        v.supervision = concept(a.supervision ?? assessment?.identityVerification)
        v.grade = text(assessment?.grade).map { grade in grade + (concept(assessment?.gradingScheme).map { " (\($0))" } ?? "") }
        v.stackability = joined([text(a.stackability)]
            + a.relations.filter { $0.kind == .isPartOf || $0.kind == .stacksInto }.map { r in
                "\(r.kind == .isPartOf ? w.partOf : w.stacksInto) \(text(r.name) ?? r.id)"
            }
            + [a.isPartialQualification == true ? w.partialQualification : nil])
        v.learningOutcomes = a.learningOutcomes.compactMap { text($0.text) }
        if v.learningOutcomes.isEmpty, let summary = text(a.learningOutcomeSummary) { v.learningOutcomes = [summary] }
        v.homepages = a.homepages
        return v
    }

    /// The issuer's country as text: its name in the first preferred language (English when that has
    /// none), else the country name the source gives, else a code outside the ISO list.
    public static func issuerCountry(of c: Credential, preferring prefer: [String]) -> String? {
        c.issuer?.address?.country.map { $0.name(in: prefer.first) } ?? text(c.issuer?.address?.countryName, prefer) ?? c.issuer?.address?.unlistedCountryCode
    }

    /// Every Annex I element, mandatory first, in the Recommendation's order.
    public static func of(_ c: Credential, preferring languages: [String] = []) -> [MicroCredentialElement] {
        let a = c.achievement
        let prefer = languages + [c.primaryLanguage].compactMap { $0 }
        func text(_ s: LocalizedString?) -> String? { Self.text(s, prefer) }
        func element(_ name: String, _ label: String, _ mandatory: Bool, _ value: String?, _ path: String) -> MicroCredentialElement {
            MicroCredentialElement(name: name, label: label, isMandatory: mandatory, value: value, modelPath: path)
        }
        let learner = c.learner
        let learnerValue = joined([text(learner.fullName) ?? joined([text(learner.givenName), text(learner.familyName)]).map { $0.replacingOccurrences(of: "; ", with: " ") },
                                   learner.email, learner.id, learner.identifiers.first?.value,
                                   learner.identities.first.map { $0.hashed ? "\($0.identityType) (hashed)" : $0.identityHash }])
        let bodies = (c.awarding?.bodies.isEmpty == false ? c.awarding!.bodies : [c.issuer].compactMap { $0 })
        let v = a.map { values(of: $0, assessment: c.assessment, preferring: prefer) } ?? AchievementElementValues()
        let further = joined([text(c.description), a.flatMap { text($0.description) }, a.flatMap { $0.homepages.first }]
                             + (a?.notes.map { text($0.text) } ?? []))
        return [
            element("learner", "Identification of the learner", true, learnerValue, "learner"),
            element("title", "Title of the micro-credential", true, text(c.name) ?? a.flatMap { text($0.name) }, "name"),
            element("issuer-country", "Country(ies)/Region(s) of the issuer", true,
                    issuerCountry(of: c, preferring: prefer), "issuer.address.country"),
            element("awarding-body", "Awarding body(ies)", true, joined(bodies.map { text($0.name) ?? $0.id }), "awarding.bodies"),
            element("date-of-issuing", "Date of issuing", true, c.dateOfIssue?.value, c.dateOfIssue?.modelPath ?? "issued"),
            element("learning-outcomes", "Learning outcomes", true,
                    joined(v.learningOutcomes), "achievement.learningOutcomes"),
            element("workload", "Notional workload (in ECTS, wherever possible)", true, v.workload, "achievement.credits"),
            element("level", "Level (and cycle) of the learning experience (EQF, QF-EHEA)", true, v.level, "achievement.eqfLevel"),
            element("assessment-type", "Type of assessment", true, v.assessmentType, "achievement.assessmentType"),
            element("participation", "Form of participation in the learning activity", true,
                    v.participation, "achievement.participationForm"),
            element("quality-assurance", "Type of quality assurance used to underpin the micro-credential", true, v.qualityAssurance, "achievement.qualityAssurance"),
            element("prerequisites", "Prerequisites needed to enrol in the learning activity", false, v.prerequisites, "achievement.prerequisites"),
            element("supervision", "Supervision and identity verification during assessment", false,
                    v.supervision, "achievement.supervision"),
            element("grade", "Grade achieved", false, v.grade ?? c.results.first?.value, "assessment.grade"),
            element("stackability", "Integration/stackability options", false, v.stackability, "achievement.stackability"),
            element("further-information", "Further information", false, further, "description"),
        ]
    }
}
