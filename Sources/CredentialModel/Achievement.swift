/// What was achieved: the definition of the badge, course, micro-credential or qualification.
///
/// Holds everything Open Badges 3.0 puts on `Achievement` and every Annex I element of the EU
/// micro-credential Recommendation that belongs to the learning specification.
public struct Achievement: Sendable, Equatable, Codable {
    /// The id of the definition (Open Badges Achievement id, Europass specification id).
    public var id: String?
    /// The id of the awarded achievement when the source gives it separately from the definition
    /// (Europass `learningAchievement/@id`).
    public var awardId: String?
    /// The kind: Open Badges `achievementType` terms (`MicroCredential`, `Certificate`, `Badge`, `Course`, …)
    /// or an `ext:` value.
    public var achievementType: String?
    /// A Europass learning-opportunity / qualification type, when the source gave one as a code.
    public var specificationType: Concept?
    public var name: LocalizedString?
    public var description: LocalizedString?
    /// The specification's own title when it differs from ``name`` (Europass learning specification title).
    public var specificationName: LocalizedString?
    /// The specification's own description when it differs from ``description``.
    public var specificationDescription: LocalizedString?
    public var criteria: Criteria?
    public var image: Image?
    public var tags: [String] = []
    /// Field of study as text (Open Badges `fieldOfStudy`).
    public var fieldOfStudy: LocalizedString?
    /// Fields of education as codes (ISCED-F, Europass `thematicArea` / `hasISCED-FCode`).
    public var thematicAreas: [Concept] = []
    public var specialization: LocalizedString?
    /// A short human code (`CS101`).
    public var humanCode: String?
    /// Other identifiers of the achievement.
    public var identifiers: [Identifier] = []
    public var version: String?
    /// Languages of instruction, BCP 47.
    public var languages: [String] = []
    /// Credit points with their system.
    public var credits: CreditPoints?
    /// Further credit points in other systems (Europass `hasCreditPoints` next to `hasECTSCreditPoints`).
    public var additionalCredits: [CreditPoints] = []
    /// Notional workload as an ISO 8601 duration (`PT150H`).
    public var workload: String?
    /// The nominal duration of the learning, ISO 8601 (`P6M`).
    public var duration: String?
    /// EQF level concept (`http://data.europa.eu/snb/eqf/6`).
    public var eqfLevel: Concept?
    /// National qualifications framework level.
    public var nqfLevels: [Concept] = []
    public var learningOutcomes: [LearningOutcome] = []
    /// A summary of the learning outcomes as one text.
    public var learningOutcomeSummary: LocalizedString?
    /// Alignments to frameworks and skills that are not learning outcomes or levels.
    public var alignments: [Alignment] = []
    /// Form of participation / mode of learning (online, blended, on site).
    public var participationForm: Concept?
    /// Learning setting (formal, non-formal).
    public var learningSetting: Concept?
    /// How the learning is assessed (the assessment specification).
    public var assessmentType: Concept?
    /// Supervision and identity verification during assessment.
    public var supervision: Concept?
    /// Quality assurance of the achievement.
    public var qualityAssurance: [QualityAssurance] = []
    /// Prerequisites / entry requirements.
    public var prerequisites: LocalizedString?
    /// Integration / stackability as text.
    public var stackability: LocalizedString?
    /// Links to other achievements (part of, stacks into, language editions, …).
    public var relations: [AchievementRelation] = []
    /// Whether this is a partial qualification (Europass `isPartialQualification`).
    public var isPartialQualification: Bool?
    /// Achievements that are parts of this one.
    public var parts: [Achievement] = []
    /// For a part (or one of ``Credential/otherAchievements``): how the learner was assessed in it. Europass
    /// nested learning achievements carry their own assessments; the credential's own is ``Credential/assessment``.
    public var partAssessment: Assessment?
    /// For a part (or one of ``Credential/otherAchievements``): who awarded it and when, when it differs
    /// from the credential's ``Credential/awarding``.
    public var partAwarding: Awarding?
    /// How results are described (grades, rubrics …).
    public var resultDescriptions: [ResultDescription] = []
    /// Further information: home pages.
    public var homepages: [String] = []
    /// Further information: supplementary documents (URLs).
    public var supplementaryDocuments: [String] = []
    /// Further information: notes, optionally with a subject.
    public var notes: [Note] = []
    /// The body that created the achievement definition (Open Badges `creator`).
    public var creator: Organization?
    /// Endorsements of the achievement.
    public var endorsements: [Endorsement] = []
    public var extensions = ExtensionBag()

    public init(id: String? = nil, name: LocalizedString? = nil) {
        self.id = id
        self.name = name
    }
}

/// How the achievement is earned.
public struct Criteria: Sendable, Equatable, Codable {
    /// A page describing the criteria.
    public var id: String?
    /// The criteria as text (Markdown in Open Badges).
    public var narrative: LocalizedString?
    public var extensions = ExtensionBag()

    public init(id: String? = nil, narrative: LocalizedString? = nil) {
        self.id = id
        self.narrative = narrative
    }
}

/// Credit points and the system they are counted in.
public struct CreditPoints: Sendable, Equatable, Codable {
    public var value: NumberText
    /// The credit system. ``CreditSystem/ects`` for ECTS; nil when the source did not say (never guessed).
    public var system: Concept?

    public init(value: NumberText, system: Concept? = nil) {
        self.value = value
        self.system = system
    }

    /// True when the system is ECTS.
    public var isECTS: Bool { system?.id == EUVocabulary.ects.id }
}

/// A learning outcome: a text and the skills it relates to.
public struct LearningOutcome: Sendable, Equatable, Codable {
    public var id: String?
    public var text: LocalizedString
    /// Related skills as concepts, such as ESCO skills (`http://data.europa.eu/esco/skill/…`) with their labels.
    public var relatedSkills: [Concept] = []
    /// Skill kind and reuse level, when given.
    public var skillType: Concept?
    public var reuseLevel: Concept?

    public init(id: String? = nil, text: LocalizedString, relatedSkills: [Concept] = []) {
        self.id = id
        self.text = text
        self.relatedSkills = relatedSkills
    }
}

/// An alignment to a framework item (Open Badges `Alignment`).
public struct Alignment: Sendable, Equatable, Codable {
    public var targetName: LocalizedString
    public var targetUrl: String
    public var targetDescription: LocalizedString?
    public var targetFramework: String?
    public var targetCode: String?
    /// `CFItem`, `ceasn:Competency`, `ext:ESCO`, …
    public var targetType: String?
    public var extensions = ExtensionBag()

    public init(targetName: LocalizedString, targetUrl: String) {
        self.targetName = targetName
        self.targetUrl = targetUrl
    }
}

/// How quality is assured: an accreditation or a QA process, and by whom.
public struct QualityAssurance: Sendable, Equatable, Codable {
    public var id: String?
    /// Kind of QA or accreditation (a Europass accreditation type, or a label).
    public var type: Concept?
    /// The accrediting or quality-assurance body.
    public var body: Organization?
    public var note: LocalizedString?
    /// The accreditation's validity, when stated.
    public var validUntil: String?
    /// A page about it.
    public var url: String?

    public init(id: String? = nil, type: Concept? = nil, body: Organization? = nil, note: LocalizedString? = nil) {
        self.id = id
        self.type = type
        self.body = body
        self.note = note
    }
}

/// A link from this achievement to another.
public struct AchievementRelation: Sendable, Equatable, Codable {
    /// How the two relate.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// This achievement is part of the target (Europass `isPartOf`, ELM `specializationOf`).
        case isPartOf
        /// The target is part of this achievement (ELM `hasPart`, CLR `isParentOf`).
        case hasPart
        /// This achievement stacks into (counts towards) the target.
        case stacksInto
        /// The target is another edition (language or version) of this achievement (Open Badges `related`).
        case relatedEdition
        /// Any other relation.
        case relatedTo
        /// The target is the same achievement (CLR `exactMatchOf`).
        case exactMatchOf
        /// The target is a peer of this achievement (CLR `isPeerOf`).
        case isPeerOf
        /// This achievement comes before the target (CLR `precedes`).
        case precedes
        /// This achievement is replaced by the target (CLR `replacedBy`).
        case replacedBy
    }

    public var kind: Kind
    public var id: String
    public var name: LocalizedString?
    /// For editions: the language.
    public var language: String?
    /// For editions: the version.
    public var version: String?

    public init(kind: Kind, id: String, name: LocalizedString? = nil, language: String? = nil, version: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.language = language
        self.version = version
    }
}

/// A note with an optional subject (Europass `additionalNote`).
public struct Note: Sendable, Equatable, Codable {
    public var subject: Concept?
    public var text: LocalizedString

    public init(subject: Concept? = nil, text: LocalizedString) {
        self.subject = subject
        self.text = text
    }
}
