/// How the learner was assessed and what grade they got (Europass `wasDerivedFrom` / `provenBy`).
public struct Assessment: Sendable, Equatable, Codable {
    public var id: String?
    public var title: LocalizedString?
    /// The grade as text (`8.5`, `Pass`, `A`).
    public var grade: LocalizedString?
    /// The grading scheme, as a code or a description.
    public var gradingScheme: Concept?
    /// When the assessment took place or was graded.
    public var date: String?
    /// Who assessed.
    public var assessor: Organization?
    /// How identity was verified during this assessment (when stated on the assessment rather than on the
    /// achievement's ``Achievement/supervision``).
    public var identityVerification: Concept?
    /// Where the assessment took place (e.g. the country or a place name).
    public var location: LocalizedString?

    public init(grade: LocalizedString? = nil) { self.grade = grade }
}

/// The awarding: who awarded the credential, when and where (Europass `awardingProcess` / `awardedBy`).
public struct Awarding: Sendable, Equatable, Codable {
    /// The awarding body or bodies.
    public var bodies: [Organization] = []
    /// The awarding date.
    public var date: String?
    /// Where it was awarded.
    public var location: LocalizedString?
    public var description: LocalizedString?

    public init() {}
}

/// A result the learner achieved (Open Badges `Result`).
public struct Result: Sendable, Equatable, Codable {
    /// The id of the ``ResultDescription`` it refers to.
    public var resultDescription: String?
    public var value: String?
    /// `Completed`, `Enrolled`, `Failed`, …
    public var status: String?
    /// The id of the rubric level achieved.
    public var achievedLevel: String?
    public var alignments: [Alignment] = []
    public var extensions = ExtensionBag()

    public init() {}
}

/// How a result is expressed (Open Badges `ResultDescription`).
public struct ResultDescription: Sendable, Equatable, Codable {
    public var id: String
    public var name: LocalizedString
    /// `LetterGrade`, `Percent`, `RubricCriterionLevel`, `Status`, … or `ext:…`.
    public var resultType: String
    public var allowedValues: [String] = []
    public var requiredValue: String?
    public var requiredLevel: String?
    public var valueMin: String?
    public var valueMax: String?
    public var rubricLevels: [RubricLevel] = []
    public var alignments: [Alignment] = []
    public var extensions = ExtensionBag()

    public init(id: String, name: LocalizedString, resultType: String) {
        self.id = id
        self.name = name
        self.resultType = resultType
    }
}

/// One level of a rubric criterion.
public struct RubricLevel: Sendable, Equatable, Codable {
    public var id: String
    public var name: LocalizedString
    public var description: LocalizedString?
    public var level: String?
    public var points: String?
    public var alignments: [Alignment] = []
    public var extensions = ExtensionBag()

    public init(id: String, name: LocalizedString) {
        self.id = id
        self.name = name
    }
}
