/// One learning credential in credconv's format-neutral model.
///
/// Readers turn a format into a `Credential`; writers turn it back into a format. The model holds
/// everything Open Badges 3.0 carries and every element of Annex I of the EU Council Recommendation
/// on micro-credentials (2022/C 243/02); what a source gives that no property holds is kept in
/// ``extensions`` (and on the nested values), so nothing is dropped silently.
public struct Credential: Sendable, Equatable, Codable {
    /// What kind of credential document this is.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// An awarded achievement (Open Badges AchievementCredential, Europass credential).
        case achievement
        /// A third party's endorsement of something (Open Badges EndorsementCredential).
        case endorsement
    }

    public var id: String?
    public var kind: Kind = .achievement
    /// A credential type code (Europass credential type / profile).
    public var credentialType: Concept?
    public var name: LocalizedString?
    public var description: LocalizedString?
    public var image: Image?
    /// The primary language of the credential's texts (BCP 47), when known.
    public var primaryLanguage: String?
    public var issuer: Organization?
    /// Start of validity (`validFrom`), ISO 8601.
    public var validFrom: String?
    public var validUntil: String?
    /// Date of issue, when the source distinguishes it from `validFrom` (Europass `issued`).
    public var issued: String?
    /// Date the achievement was awarded (Open Badges `awardedDate`).
    public var awardedDate: String?
    /// The awarding process (awarding body, date, place).
    public var awarding: Awarding?
    public var learner = Learner()
    public var achievement: Achievement?
    /// Further achievements awarded by the same credential (Europass credentials may hold several); each
    /// carries its own assessment and awarding in ``Achievement/partAssessment`` and ``Achievement/partAwarding``.
    public var otherAchievements: [Achievement] = []
    /// How the learner was assessed and the grade.
    public var assessment: Assessment?
    /// Results (grades, statuses) the learner achieved.
    public var results: [Result] = []
    /// Credits the learner earned (may differ from the achievement's credits available).
    public var creditsEarned: NumberText?
    /// When the learning activity started and ended.
    public var activityStartDate: String?
    public var activityEndDate: String?
    /// Academic term (`Fall 2024`).
    public var term: String?
    /// The learner's role in the achievement.
    public var role: String?
    public var licenseNumber: String?
    /// A narrative of what the learner did.
    public var narrative: LocalizedString?
    /// An image specific to this award (baked badge image).
    public var subjectImage: Image?
    /// The organisation the achievement was sourced from (Open Badges `credentialSubject.source`).
    public var source: Organization?
    /// For endorsements: what the endorser says.
    public var endorsementComment: LocalizedString?
    public var evidence: [Evidence] = []
    public var endorsements: [Endorsement] = []
    /// Status services (revocation lists).
    public var status: [ServiceReference] = []
    public var refreshService: ServiceReference?
    public var termsOfUse: [ServiceReference] = []
    /// Schemas the source declared itself valid against.
    public var schemas: [ServiceReference] = []
    /// JSON-LD contexts the source used beyond the standard ones of its format.
    public var additionalContexts: [String] = []
    public var provenance: Provenance
    public var extensions = ExtensionBag()

    public init(provenance: Provenance) { self.provenance = provenance }
}
