/// A learner's record of several credentials (a transcript, a stack of micro-credentials): 1EdTech's
/// Comprehensive Learner Record 2.0 in credconv's model.
///
/// Each entry is a credential of its own, with its own issuer, dates, results and, when it was
/// signed, the signed document kept verbatim (``RecordEntry/signedOriginal``) so its proof stays
/// checkable. The ``associations`` say how the achievements relate (part of, parent of, precedes …).
/// The record's own ``issuer`` is whoever compiled it (a registrar), not necessarily any entry's.
///
/// Formats that hold several achievements in one credential (Europass) take the record as one
/// credential (``combined(report:)``); formats that hold one (Open Badges) take one document per entry.
public struct LearnerRecord: Sendable, Equatable, Codable {
    public var id: String?
    public var name: LocalizedString?
    public var description: LocalizedString?
    public var image: Image?
    /// Who compiled and issued the record.
    public var issuer: Organization?
    public var validFrom: String?
    public var validUntil: String?
    public var awardedDate: String?
    /// True when the record holds only part of what the learner achieved with its issuer (CLR `partial`).
    public var partial: Bool?
    /// The learner the record is about.
    public var learner = Learner()
    /// The credentials, in the record's order.
    public var entries: [RecordEntry] = []
    /// Achievement definitions the record lists without a credential for them (CLR `achievement`).
    public var achievements: [Achievement] = []
    /// How achievements relate, by achievement id.
    public var associations: [AchievementAssociation] = []
    /// Status services, refresh service, terms of use and schemas of the record itself.
    public var status: [ServiceReference] = []
    public var refreshService: ServiceReference?
    public var termsOfUse: [ServiceReference] = []
    public var schemas: [ServiceReference] = []
    /// Evidence and endorsements of the record itself.
    public var evidence: [Evidence] = []
    public var endorsements: [Endorsement] = []
    public var provenance: Provenance
    public var extensions = ExtensionBag()

    public init(provenance: Provenance, entries: [RecordEntry] = []) {
        self.provenance = provenance
        self.entries = entries
    }

    /// The achievements of every entry (each entry's ``Credential/achievement`` and
    /// ``Credential/otherAchievements``), in order, with the index of the entry each belongs to.
    public var awardedAchievements: [(entry: Int, achievement: Achievement)] {
        entries.enumerated().flatMap { i, entry in
            ([entry.credential.achievement].compactMap { $0 } + entry.credential.otherAchievements).map { (i, $0) }
        }
    }
}

/// One credential of a learner record.
public struct RecordEntry: Sendable, Equatable, Codable {
    public var credential: Credential
    /// The credential as it was signed, when it was (JSON-LD with an embedded proof, or a compact VC-JWT),
    /// kept byte for byte so that a record written again carries a proof that still verifies.
    public var signedOriginal: SignedOriginal?

    public init(credential: Credential, signedOriginal: SignedOriginal? = nil) {
        self.credential = credential
        self.signedOriginal = signedOriginal
    }
}

/// A signed credential document kept as it was read.
public struct SignedOriginal: Sendable, Equatable, Codable {
    /// How it is serialised.
    public enum Form: String, Sendable, Equatable, Codable, CaseIterable {
        /// JSON-LD text with an embedded proof.
        case jsonLD
        /// A compact JWS (VC-JWT).
        case compactJWS
    }

    public var form: Form
    /// The document's text (JSON or the compact JWS).
    public var text: String

    public init(form: Form, text: String) {
        self.form = form
        self.text = text
    }
}
