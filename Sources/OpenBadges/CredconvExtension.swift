/// The credconv Open Badges 3.0 extension: the EU micro-credential elements that OB 3.0 has no native
/// property for, as documented JSON-LD terms (context and JSON Schema in `schemas/`).
///
/// The writer emits these terms and the reader recognises them, so OB 3.0 ⇄ Europass round trips
/// lose nothing. Names follow SURF Edubadges' OB 3.0 micro-credential examples where they mean the same
/// (`assessmentType`, `supervisionType`, `participationType` there are strings; here they are Concepts,
/// so they live in our own namespace).
public enum CredconvExtension {
    /// The JSON-LD context IRI of the extension.
    public static let contextIRI = "https://w3id.org/credconv/ob3/v1"
    /// The JSON Schema IRI of the extension (validated together with the official OB 3.0 schema).
    public static let schemaIRI = "https://w3id.org/credconv/ob3/v1/schema.json"
    /// The vocabulary namespace the context maps terms to.
    public static let vocabularyIRI = "https://w3id.org/credconv/vocab#"

    /// Terms on `Achievement`.
    public enum AchievementTerm {
        public static let creditSystem = "creditSystem"
        public static let workload = "workload"
        public static let participationForm = "participationForm"
        public static let learningSetting = "learningSetting"
        public static let assessmentType = "assessmentType"
        public static let supervisionType = "supervisionType"
        public static let qualityAssurance = "qualityAssurance"
        public static let prerequisites = "prerequisites"
        public static let stackability = "stackability"
        public static let relatedAchievement = "relatedAchievement"
        public static let learningOutcome = "learningOutcome"
        public static let learningOutcomeSummary = "learningOutcomeSummary"
        public static let thematicArea = "thematicArea"
        public static let specificationType = "specificationType"
        public static let additionalNote = "additionalNote"
        public static let homepage = "homepage"
        public static let language = "language"
        public static let nqfLevel = "nqfLevel"
        public static let isPartialQualification = "isPartialQualification"
        public static let hasPart = "hasPart"
        public static let awardId = "awardId"
        public static let specificationName = "specificationName"
        public static let specificationDescription = "specificationDescription"
        public static let additionalCredits = "additionalCredits"
        public static let duration = "duration"
        public static let supplementaryDocument = "supplementaryDocument"
        /// On an Achievement inside `hasPart`: the assessment of that part.
        public static let partAssessment = "assessment"
    }

    /// Terms on `AchievementSubject`.
    public enum SubjectTerm {
        public static let givenName = "givenName"
        public static let familyName = "familyName"
        public static let dateOfBirth = "dateOfBirth"
        public static let learnerIdentifier = "learnerIdentifier"
        public static let placeOfBirth = "placeOfBirth"
        public static let gender = "gender"
        public static let citizenship = "citizenship"
        public static let assessment = "assessment"
        public static let awarding = "awarding"
    }

    /// Terms on the credential.
    public enum CredentialTerm {
        public static let credentialType = "credentialType"
        public static let issued = "issued"
        public static let primaryLanguage = "primaryLanguage"
    }

    /// On any object: every language of a text whose plain-string property holds one language.
    public static let translations = "translations"

    /// The line that starts the generated, human-readable summary appended to `criteria.narrative`.
    /// The reader removes everything from this line on when the extension is present.
    public static let narrativeMarker = "<!-- credconv: micro-credential information -->"

    /// The Alignment `targetType` used for EQF levels (as SURF Edubadges do).
    public static let eqfTargetType = "ext:EQF"
    /// The Alignment `targetType` used for NQF levels.
    public static let nqfTargetType = "ext:NQF"
    /// The Alignment `targetType` used for skills of learning outcomes (ESCO).
    public static let skillTargetType = "ceasn:Competency"
}
