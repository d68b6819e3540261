extension LearnerRecord {
    /// A record of one credential, as it is (a record written from a single credential): the record's
    /// issuer and learner are the credential's; it has no id, name or date of its own.
    public init(single credential: Credential, signedOriginal: SignedOriginal? = nil) {
        self.init(provenance: credential.provenance, entries: [RecordEntry(credential: credential, signedOriginal: signedOriginal)])
        learner = credential.learner
        issuer = credential.issuer
    }

    /// A record of a credential that holds several achievements (a Europass credential): the inverse of
    /// ``combined(report:)``. Each achievement becomes an entry issued by its awarding body on its
    /// awarding date, with its assessment, its award id as the entry's id; relations between the
    /// record's achievements become associations.
    public init(splitting c: Credential) {
        guard !c.otherAchievements.isEmpty else {
            self.init(single: c)
            return
        }
        self.init(provenance: c.provenance)
        takeHeader(of: c, awardedDateFrom: \.issued)
        var all = c.otherAchievements
        if var first = c.achievement {
            first.partAssessment = c.assessment
            first.partAwarding = c.awarding ?? first.partAwarding
            if first.partAwarding?.date == nil, let date = c.awardedDate { first.partAwarding = first.partAwarding ?? Awarding(); first.partAwarding?.date = date }
            all.insert(first, at: 0)
        }
        for a in all {
            var a = a
            var e = Credential(provenance: Provenance(sourceFormat: c.provenance.sourceFormat, sourceVersion: c.provenance.sourceVersion))
            e.kind = c.kind
            e.learner = c.learner
            e.primaryLanguage = c.primaryLanguage
            e.credentialType = c.credentialType
            e.id = a.awardId
            e.name = a.name
            e.assessment = a.partAssessment
            var awarding = a.partAwarding ?? Awarding()
            e.issuer = awarding.bodies.first ?? c.issuer
            e.validFrom = awarding.date ?? c.validFrom
            if awarding.bodies.count <= 1 { awarding.bodies = [] }
            awarding.date = nil
            e.awarding = awarding == Awarding() ? nil : awarding
            a.awardId = nil
            a.partAssessment = nil
            a.partAwarding = nil
            e.achievement = a
            entries.append(RecordEntry(credential: e))
        }
        var ignored = ConversionReport()
        associateRelatedAchievements(report: &ignored)
    }

    /// Turns the relations between achievements of the record into associations (and takes them off the
    /// achievements); `stacksInto` becomes `isPartOf`, reported.
    public mutating func associateRelatedAchievements(report: inout ConversionReport) {
        let ids = Set(entries.flatMap { e in ([e.credential.achievement] + e.credential.otherAchievements.map { Optional($0) }).compactMap { $0?.id } })
        for i in entries.indices {
            guard var a = entries[i].credential.achievement, let source = a.id else { continue }
            var found: [AchievementAssociation] = []
            a.relations.removeAll { relation in
                guard ids.contains(relation.id), let association = AchievementAssociation(relation, source: source) else { return false }
                if relation.kind == .stacksInto {
                    report.warn(.writtenDifferently, "\(source) stacks into \(relation.id): the record says isPartOf", at: .modelPath("entries[\(i)].credential.achievement.relations"))
                }
                found.append(association)
                return true
            }
            associations += found.filter { !associations.contains($0) }
            entries[i].credential.achievement = a
        }
    }

    /// The entries' credentials, each as one credential of its own.
    public var credentials: [Credential] { entries.map(\.credential) }
}

extension Learner {
    /// What identifies the learner across credentials, strongest first: the id, an identifier, the email,
    /// a (hashed) identity, the full name; nil when nothing does.
    public var identifyingKey: String? {
        if let id { return id }
        if let identifier = identifiers.first { return "\(identifier.type ?? "identifier") \(identifier.value)" }
        if let email { return email.lowercased() }
        if let identity = identities.first { return identity.identityHash }
        return fullName?.best() ?? [givenName?.best(), familyName?.best()].compactMap { $0 }.joined(separator: " ").nilIfEmpty
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension LearnerRecord {
    /// The entries as credentials of their own: each association put back on its source achievement as a
    /// relation (with the target's name), as a credential holds it; an association whose source is no
    /// entry's achievement is reported lost.
    public func standaloneEntries(report: inout ConversionReport) -> [RecordEntry] {
        var names: [String: LocalizedString] = [:]
        for (_, a) in awardedAchievements { if let id = a.id, let name = a.name { names[id] = name } }
        for a in achievements { if let id = a.id, let name = a.name { names[id] = name } }
        var out = entries
        for (i, association) in associations.enumerated() {
            guard let e = out.firstIndex(where: { $0.credential.achievement?.id == association.sourceId }) else {
                report.lose(.modelPath("associations[\(i)]"), "the association's source \(association.sourceId) is no credential's achievement: it has no place in a credential of its own")
                continue
            }
            let relation = AchievementRelation(kind: association.relation, id: association.targetId, name: names[association.targetId])
            if out[e].credential.achievement?.relations.contains(where: { $0.kind == relation.kind && $0.id == relation.id }) == false {
                out[e].credential.achievement?.relations.append(relation)
            }
        }
        return out
    }
}
