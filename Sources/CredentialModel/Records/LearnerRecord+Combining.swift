import CredconvJSON

extension LearnerRecord {
    /// The record as one credential holding every achievement (Europass credentials and certificates
    /// hold several): the record's issuer, dates and learner; the first entry's achievement as
    /// ``Credential/achievement``, the others as ``Credential/otherAchievements``, each with its
    /// entry's issuer and date as its awarding, its assessment, and its entry's id as its award id;
    /// the associations as relations of their source achievements.
    ///
    /// What an entry holds beyond that (evidence, results, its own endorsements …) and the kept signed
    /// originals have no place in one credential: each is reported lost at `entries[i]`.
    ///
    /// A record of one credential with nothing of its own beyond what that credential says (no
    /// associations, no achievement without a credential) is that credential.
    public func combined(report: inout ConversionReport) -> Credential {
        if entries.count == 1, associations.isEmpty, achievements.isEmpty, var only = entries.first?.credential {
            if only.learner.isEmpty { only.learner = learner }
            if only.issuer == nil { only.issuer = issuer }
            reportOwnFields(besides: only, report: &report)
            return only
        }
        var c = headerCredential(awardedDateAs: \.issued)
        if c.issuer == nil { c.issuer = entries.first?.credential.issuer }
        if c.learner.isEmpty, let first = entries.first { c.learner = first.credential.learner }
        // Properties of the credential document, which every entry has and one credential has once.
        c.primaryLanguage = entries.first?.credential.primaryLanguage
        c.credentialType = entries.first?.credential.credentialType
        if partial == true { report.lose(.modelPath("partial"), "one credential cannot say that the record is partial") }

        var achievements: [Achievement] = []
        for (i, entry) in entries.enumerated() {
            let e = entry.credential
            let awarding = Self.awarding(of: e)
            var first = e.achievement ?? Achievement(name: e.name)
            if first.awardId == nil { first.awardId = e.id }
            first.partAssessment = e.assessment
            first.partAwarding = awarding
            achievements.append(first)
            for other in e.otherAchievements {
                var other = other
                if other.partAwarding == nil { other.partAwarding = awarding }
                achievements.append(other)
            }
            Self.reportWhatCombiningDrops(entry, at: "entries[\(i)]", besides: c, report: &report)
        }
        for (i, association) in associations.enumerated() {
            guard let source = achievements.firstIndex(where: { $0.id == association.sourceId }) else {
                report.lose(.modelPath("associations[\(i)]"), "the association's source achievement \(association.sourceId) is no achievement of the record")
                continue
            }
            if association.kind == .isChildOf {
                report.warn(.writtenDifferently, "isChildOf is written as part of", at: .modelPath("associations[\(i)]"))
            }
            achievements[source].relations.append(AchievementRelation(kind: association.relation, id: association.targetId))
        }
        for (i, a) in self.achievements.enumerated() {
            report.lose(.modelPath("achievements[\(i)]"), "an achievement the record lists without a credential (\(a.name?.best() ?? a.id ?? "unnamed")) has no place in one credential")
        }
        if var first = achievements.first {
            c.assessment = first.partAssessment
            c.awarding = first.partAwarding
            c.awardedDate = first.partAwarding?.date
            first.partAssessment = nil
            first.partAwarding = nil
            c.achievement = first
            c.otherAchievements = Array(achievements.dropFirst())
        }
        return c
    }

    /// Reports the record's own fields (its id, name, issuer, dates …) that the credential it is written
    /// as does not say.
    func reportOwnFields(besides credential: Credential, report: inout ConversionReport) {
        var own = self
        own.entries = []
        own.learner = Learner()
        own.provenance = Provenance(sourceFormat: "")
        if own.issuer == credential.issuer { own.issuer = nil }
        let encoder = JSONValueEncoder()
        guard case .object(let fields)? = try? encoder.encode(own),
              case .object(let none)? = try? encoder.encode(LearnerRecord(provenance: Provenance(sourceFormat: ""))) else { return }
        for field in fields where none[field.key] != field.value {
            report.lose(.modelPath(field.key), "the record of one credential is written as that credential; the record's own \(field.key) has no place")
        }
        if provenance.signature != nil {
            report.lose(.modelPath("provenance.signature"), "the record's own signature does not carry over")
        }
    }

    /// Who awarded an entry's achievement and when: its own awarding, else its issuer on its date.
    static func awarding(of e: Credential) -> Awarding {
        var awarding = e.awarding ?? Awarding()
        if awarding.bodies.isEmpty, let issuer = e.issuer { awarding.bodies = [issuer] }
        if awarding.date == nil { awarding.date = e.awardedDate ?? e.validFrom }
        return awarding
    }

    /// Reports each non-empty field of an entry that ``combined(report:)`` does not carry.
    static func reportWhatCombiningDrops(_ entry: RecordEntry, at path: String, besides combined: Credential, report: inout ConversionReport) {
        var rest = entry.credential
        if rest.primaryLanguage == combined.primaryLanguage { rest.primaryLanguage = nil }
        if rest.credentialType == combined.credentialType { rest.credentialType = nil }
        let carriedName = rest.achievement == nil || rest.name == rest.achievement?.name
        rest.id = nil
        rest.issuer = nil
        rest.awarding = nil
        rest.achievement = nil
        rest.otherAchievements = []
        rest.assessment = nil
        rest.learner = Learner()
        rest.kind = .achievement
        if carriedName { rest.name = nil }
        if rest.awardedDate == nil || rest.awardedDate == rest.validFrom { rest.validFrom = nil }
        rest.awardedDate = nil
        let signature = rest.provenance.signature
        rest.provenance = Provenance(sourceFormat: "")
        let empty = Credential(provenance: Provenance(sourceFormat: ""))
        let encoder = JSONValueEncoder()
        if case .object(let fields)? = try? encoder.encode(rest), case .object(let none)? = try? encoder.encode(empty) {
            for field in fields where none[field.key] != field.value {
                report.lose(.modelPath("\(path).\(field.key)"), "one credential holds each achievement with its awarding and assessment; the entry's \(field.key) has no place")
            }
        }
        if entry.signedOriginal != nil || signature != nil {
            report.lose(.modelPath("\(path).signedOriginal"), "the entry's signed original (its proof) does not carry over into one credential")
        }
    }
}

extension Learner {
    /// True when nothing identifies or describes the learner.
    public var isEmpty: Bool { self == Learner() }
}
