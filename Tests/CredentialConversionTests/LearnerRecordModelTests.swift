import CredentialConversion
import Testing

/// The learner record in the model: one credential from a record and back, credit totals, associations.
@Suite("The learner record model: combining, splitting, totals")
struct LearnerRecordModelTests {
    static func credential(_ n: Int, credits: String, system: Concept? = EUVocabulary.ects, issuer: String = "https://uni.example/") -> Credential {
        var c = Credential(provenance: Provenance(sourceFormat: "ob3"))
        c.id = "urn:uuid:00000000-0000-4000-8000-00000000000\(n)"
        c.name = LocalizedString("Module \(n)")
        c.issuer = Organization(id: issuer, name: LocalizedString("Issuer \(issuer)"))
        c.validFrom = "2026-0\(n)-01T00:00:00Z"
        c.learner = Learner(id: "did:example:ana")
        var a = Achievement(id: "https://uni.example/a/\(n)", name: LocalizedString("Module \(n)"))
        a.credits = CreditPoints(value: NumberText(credits)!, system: system)
        c.achievement = a
        c.assessment = Assessment(grade: LocalizedString("grade \(n)"))
        return c
    }

    static var record: LearnerRecord {
        var r = LearnerRecord(provenance: Provenance(sourceFormat: "clr"), entries: (1...3).map { RecordEntry(credential: credential($0, credits: ["2.5", "0.25", "5"][$0 - 1])) })
        r.id = "urn:uuid:10000000-0000-4000-8000-000000000000"
        r.issuer = Organization(id: "https://registrar.example/")
        r.validFrom = "2026-09-01T00:00:00Z"
        r.learner = Learner(id: "did:example:ana")
        r.associations = [
            AchievementAssociation(.isPartOf, source: "https://uni.example/a/1", target: "https://uni.example/a/3"),
            AchievementAssociation(.isParentOf, source: "https://uni.example/a/3", target: "https://uni.example/a/2"),
        ]
        return r
    }

    @Test("A record as one credential and back: every entry, with its issuer, date, grade, credits and id, and every part-of association")
    func combineAndSplit() {
        var report = ConversionReport()
        let combined = Self.record.combined(report: &report)
        #expect(combined.allAchievements.count == 3)
        #expect(combined.id == Self.record.id && combined.issuer?.id == "https://registrar.example/")
        #expect(combined.otherAchievements[1].partAwarding?.date == "2026-03-01T00:00:00Z")
        #expect(combined.otherAchievements[0].partAssessment?.grade?.best() == "grade 2")
        #expect(combined.achievement?.relations == [AchievementRelation(kind: .isPartOf, id: "https://uni.example/a/3")])
        #expect(combined.otherAchievements[1].relations == [AchievementRelation(kind: .hasPart, id: "https://uni.example/a/2")])
        #expect(report.lost.isEmpty, "\(report.lost)")
        var back = LearnerRecord(splitting: combined)
        for i in back.entries.indices { back.entries[i].credential.provenance = Self.record.entries[i].credential.provenance }
        #expect(back.entries.map(\.credential) == Self.record.entries.map(\.credential))
        #expect(back.associations == Self.record.associations)
        #expect(back.id == Self.record.id && back.issuer == Self.record.issuer && back.validFrom == Self.record.validFrom)
    }

    @Test("What an entry holds beyond its achievement is reported at entries[i], never dropped silently")
    func entryFieldsReported() {
        var r = Self.record
        r.entries[1].credential.narrative = LocalizedString("what Ana did")
        r.entries[2].credential.validUntil = "2030-01-01T00:00:00Z"
        r.entries[0].signedOriginal = SignedOriginal(form: .compactJWS, text: "e30.e30.sig")
        var report = ConversionReport()
        _ = r.combined(report: &report)
        let lost = Set(report.lost.map { $0.location?.description ?? "" })
        #expect(lost == ["entries[1].narrative", "entries[2].validUntil", "entries[0].signedOriginal"])
    }

    @Test("A record of one credential is that credential; the record's own name and issuer are reported")
    func singleEntry() {
        var r = LearnerRecord(single: Self.credential(1, credits: "5"))
        var quiet = ConversionReport()
        #expect(r.combined(report: &quiet) == Self.credential(1, credits: "5"))
        #expect(quiet.diagnostics.isEmpty)
        r.name = LocalizedString("Transcript")
        r.issuer = Organization(id: "https://registrar.example/")
        var report = ConversionReport()
        _ = r.combined(report: &report)
        #expect(Set(report.lost.compactMap { $0.location?.description }) == ["name", "issuer"])
    }

    @Test("Credit totals add exactly, per credit system, in the order systems appear")
    func creditTotals() {
        var r = Self.record
        r.entries.append(RecordEntry(credential: Self.credential(4, credits: "3", system: nil)))
        var report = ConversionReport()
        let totals = r.combined(report: &report).creditTotals
        #expect(totals.map(\.value.text) == ["7.75", "3"])
        #expect(totals.first?.isECTS == true && totals.last?.system == nil)
    }

    @Test("Bundled relations between the record's achievements become associations; stacksInto is isPartOf, said")
    func relationsBecomeAssociations() {
        var a = Self.credential(1, credits: "5")
        a.achievement?.relations = [
            AchievementRelation(kind: .stacksInto, id: "https://uni.example/a/2"),
            AchievementRelation(kind: .stacksInto, id: "https://elsewhere.example/whole"),
        ]
        var r = LearnerRecord(provenance: Provenance(sourceFormat: "bundle"), entries: [RecordEntry(credential: a), RecordEntry(credential: Self.credential(2, credits: "5"))])
        var report = ConversionReport()
        r.associateRelatedAchievements(report: &report)
        #expect(r.associations == [AchievementAssociation(.isPartOf, source: "https://uni.example/a/1", target: "https://uni.example/a/2")])
        #expect(r.entries[0].credential.achievement?.relations.map(\.id) == ["https://elsewhere.example/whole"], "a relation to outside the record stays")
        #expect(report.warnings.map(\.code) == [.writtenDifferently])
        var back = ConversionReport()
        #expect(r.standaloneEntries(report: &back)[0].credential.achievement?.relations.map(\.kind) == [.stacksInto, .isPartOf])
    }
}
