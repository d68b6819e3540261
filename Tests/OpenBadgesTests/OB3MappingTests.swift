import CredconvJSON
import CredconvTestSupport
import CredentialModel
import Foundation
import OpenBadges
import Testing

@Suite("Open Badges 3.0 mapping")
struct OB3MappingTests {
    // MARK: errors name the JSON pointer and never coerce

    @Test func wrongTypeIsALocatedError() throws {
        let text = OB3.minimal().replacingOccurrences(of: "\"name\": \"Teamwork\"", with: "\"name\": 42")
        let e = try #require(OB3.refusal(text))
        #expect(e.location == .jsonPointer("/credentialSubject/achievement/name"))
        #expect(e.message.contains("found number"))
    }

    @Test func missingRequiredPropertiesAreLocatedErrors() throws {
        let noIssuer = OB3.minimal().replacingOccurrences(of: "\"issuer\": {\"id\": \"https://example.edu/issuer\", \"type\": [\"Profile\"], \"name\": \"Example University\"},", with: "")
        #expect(OB3.refusal(noIssuer)?.location == .jsonPointer("/issuer"))
        let noDate = OB3.minimal().replacingOccurrences(of: "\"validFrom\": \"2026-01-01T00:00:00Z\",", with: "")
        #expect(OB3.refusal(noDate)?.location == .jsonPointer("/validFrom"))
        let noCriteria = OB3.minimal().replacingOccurrences(of: ",\n      \"criteria\": {\"narrative\": \"Peer nominated.\"}", with: "")
        #expect(OB3.refusal(noCriteria)?.location == .jsonPointer("/credentialSubject/achievement/criteria"))
    }

    @Test func creditsGivenAsTextAreRefusedNotCoerced() throws {
        let e = try #require(OB3.refusal(OB3.minimal(achievement: "\n\"creditsAvailable\": \"5\",")))
        #expect(e.location == .jsonPointer("/credentialSubject/achievement/creditsAvailable"))
    }

    /// The schemas accept any string (or an object) as `addressCountryCode`: a code outside the ISO list
    /// is kept as written with a warning, an object is kept unread.
    @Test func countryCodesOutsideTheISOListAreKept() throws {
        func address(_ code: String) -> String {
            OB3.minimal().replacingOccurrences(
                of: "\"name\": \"Example University\"}", with: "\"name\": \"Example University\", \"address\": {\"type\": [\"Address\"], \"addressCountryCode\": \(code)}}")
        }
        let (c, report) = try OB3.read(address("\"XQ\""))
        #expect(c.issuer?.address?.unlistedCountryCode == "XQ" && c.issuer?.address?.country == nil)
        #expect(report.warnings.contains { $0.location == .jsonPointer("/issuer/address/addressCountryCode") })
        let (o, _) = try OB3.read(address("{\"code\": \"DE\"}"))
        #expect(o.issuer?.address?.extensions["addressCountryCode"] == .object(JSONObject(["code": .string("DE")])))
    }

    // MARK: EU elements

    @Test func eqfAlignmentBecomesTheEQFLevelAndIsWrittenBack() throws {
        let alignment = #"{"type": ["Alignment"], "targetName": "EQF 6", "targetUrl": "http://data.europa.eu/snb/eqf/6"}"#
        let (c, _) = try OB3.read(OB3.minimal(achievement: "\n\"alignment\": [\(alignment)],"))
        #expect(c.achievement?.eqfLevel?.id == "http://data.europa.eu/snb/eqf/6")
        #expect(c.achievement?.alignments.isEmpty == true)
        let (out, _) = try OB3.write(c)
        let (again, _) = try OB3.read(JSONWriter().string(out))
        #expect(again.achievement?.eqfLevel == c.achievement?.eqfLevel)
    }

    @Test func edubadgesEQFAndECTSAreRecognised() throws {
        let alignment = #"{"type": ["Alignment"], "targetType": "ext:EQF", "targetName": "EQF level 4", "targetCode": "4", "targetUrl": "https://example.com/eqf"}"#
        let (c, _) = try OB3.read(OB3.minimal(achievement: "\n\"alignment\": [\(alignment)], \"ECTS\": 3, \"SBU\": 84, \"participationType\": \"online\","))
        let a = try #require(c.achievement)
        #expect(a.eqfLevel?.id == EUVocabulary.eqfLevel(4)?.id)
        #expect(a.eqfLevel?.notation == "4")
        #expect(a.credits == CreditPoints(value: NumberText("3")!, system: EUVocabulary.ects))
        #expect(a.workload == "PT84H")
        #expect(a.participationForm?.label?.best() == "online")
    }

    @Test func creditsWithoutSystemAreNeverTakenForECTS() throws {
        let (c, _) = try OB3.read(OB3.minimal(achievement: "\n\"creditsAvailable\": 7.5,"))
        let credits = try #require(c.achievement?.credits)
        #expect(credits.value.text == "7.5")
        #expect(credits.system == nil)
        #expect(!credits.isECTS)
        let (out, _) = try OB3.write(c)
        let text = JSONWriter().string(out)
        #expect(text.contains("\"creditsAvailable\": 7.5"))
        #expect(!text.contains("creditSystem"))
        #expect(!text.contains("ECTS"))
    }

    @Test func sampleMicroCredentialKeepsEveryAnnexElementThroughTheModel() throws {
        let (c, report) = try OB3.read(TestPaths.repository("samples/ob3-microcredential.json"))
        #expect(report.warnings.isEmpty)
        let a = try #require(c.achievement)
        #expect(a.achievementType == "MicroCredential")
        #expect(a.credits?.isECTS == true && a.credits?.value.text == "5")
        #expect(a.workload == "PT125H")
        #expect(a.eqfLevel?.notation == "5")
        #expect(a.learningOutcomes.count == 3)
        #expect(a.learningOutcomes[0].relatedSkills.map(\.id) == ["http://data.europa.eu/esco/skill/4b2f7a3e-5bd7-4f5a-9a8e-1c3a6f0d9e21"])
        #expect(a.learningOutcomes[0].text.text(for: "de")?.hasPrefix("Offene") == true)
        #expect(a.assessmentType?.id == EUVocabulary.assessmentWrittenExam.id)
        #expect(a.supervision?.id == EUVocabulary.supervisedWithID.id)
        #expect(a.participationForm?.id == EUVocabulary.modeOnline.id)
        #expect(a.learningSetting?.id == EUVocabulary.settingNonFormal.id)
        #expect(a.qualityAssurance.count == 1)
        #expect(a.prerequisites != nil && a.stackability != nil)
        #expect(a.relations.contains { $0.kind == .stacksInto })
        #expect(a.alignments.isEmpty, "EQF and skill alignments are model fields, not plain alignments")
        #expect(a.criteria?.narrative?.best() == "Complete the four online modules and pass the final written exam with at least 60 %.")
        #expect(c.assessment?.grade?.best() == "1,7 (good)")
        #expect(c.results.isEmpty, "the grade's Result is derived from the assessment")
        #expect(c.issuer?.address?.country?.alpha3 == "DEU")
        #expect(c.learner.identities.first?.hashed == true)
        #expect(c.learner.identities.first?.salt == "Kosher")
        #expect(c.name?.text(for: "fr") == "Culture des données pour l'administration publique")
    }

    @Test func sampleIsAFixedPointOfTheWriter() throws {
        let url = TestPaths.repository("samples/ob3-microcredential.json")
        let (c, _) = try OB3.read(url)
        let (out, report) = try OB3.write(c)
        #expect(report.lost.isEmpty && report.warnings.isEmpty)
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(JSONWriter().string(out) + "\n" == expected)
        let (again, _) = try OB3.read(JSONWriter().string(out))
        var left = c, right = again
        left.provenance = right.provenance
        #expect(left == right)
    }

    @Test func hashedRecipientStaysHashed() throws {
        let identity = #""identifier": [{"type": "IdentityObject", "identityHash": "sha256$abc", "identityType": "emailAddress", "hashed": true, "salt": "s"}],"#
        let (c, _) = try OB3.read(OB3.minimal(subject: "\n" + identity))
        let (out, _) = try OB3.write(c)
        let id = out.objectValue?["credentialSubject"]?.objectValue?["identifier"]?.arrayValue?.first?.objectValue
        #expect(id?["identityHash"] == .string("sha256$abc"))
        #expect(id?["hashed"] == .bool(true))
        #expect(id?["salt"] == .string("s"))
    }

    // MARK: languages

    @Test func languageMapsAndValueObjectsAreRead() throws {
        let text = OB3.minimal().replacingOccurrences(of: "\"name\": \"Teamwork\"", with: #""name": {"en": "Teamwork", "nl": "Samenwerken"}"#)
            .replacingOccurrences(of: "\"description\": \"Works well in teams.\"", with: #""description": [{"@value": "Works well", "@language": "en"}, {"@value": "Werkt goed", "@language": "nl"}]"#)
        let (c, _) = try OB3.read(text)
        #expect(c.achievement?.name?.text(for: "nl") == "Samenwerken")
        #expect(c.achievement?.description?.text(for: "nl") == "Werkt goed")
    }

    @Test func preferredLanguageIsWrittenAndTheOthersAreKept() throws {
        let text = OB3.minimal().replacingOccurrences(of: "\"name\": \"Teamwork\"", with: #""name": {"en": "Teamwork", "nl": "Samenwerken"}"#)
        let (c, _) = try OB3.read(text)
        let (out, _) = try OB3.write(c, language: "nl")
        let achievement = try #require(out.objectValue?["credentialSubject"]?.objectValue?["achievement"]?.objectValue)
        #expect(achievement["name"] == .string("Samenwerken"))
        #expect(achievement["translations"]?.objectValue?["name"]?.objectValue?["en"] == .string("Teamwork"))
        let (again, _) = try OB3.read(JSONWriter().string(out))
        #expect(again.achievement?.name == c.achievement?.name)
    }

    @Test func lowerCaseRegionIsCanonicalisedForInLanguage() throws {
        let (c, _) = try OB3.read(OB3.minimal(achievement: "\n\"inLanguage\": \"en-us\","))
        let (out, _) = try OB3.write(c)
        #expect(JSONWriter().string(out).contains("\"inLanguage\": \"en-US\""))
    }

    // MARK: extension bag

    @Test func unknownPropertiesAreKeptWhereTheyWere() throws {
        let (c, _) = try OB3.read(OB3.minimal(achievement: "\n\"x-internal-code\": {\"a\": [1, 2.50]},", top: "\n\"customTop\": true,"))
        #expect(c.achievement?.extensions["x-internal-code"] != nil)
        #expect(c.extensions.fields.first?.source == .jsonPointer("/customTop"))
        let (out, report) = try OB3.write(c)
        #expect(report.lost.isEmpty)
        let text = JSONWriter(style: .compact).string(out)
        #expect(text.contains(#""x-internal-code":{"a":[1,2.50]}"#))
        #expect(text.contains(#""customTop":true"#))
    }

    @Test func fieldsFromOtherFamiliesAreReportedAsLost() throws {
        var (c, _) = try OB3.read(OB3.minimal())
        c.extensions.keep("displayParameters", .string("…"), at: .xpath("/europassCredential/displayParameters", line: 7), family: "elm-xml")
        let (_, report) = try OB3.write(c)
        #expect(report.lost.map(\.code) == [.foreignExtension])
        #expect(report.lost.map(\.location) == [.xpath("/europassCredential/displayParameters", line: 7)])
    }

    // MARK: writer requirements

    @Test func writerMakesRequiredIdsAndSaysSo() throws {
        var c = Credential(provenance: Provenance(sourceFormat: "test"))
        c.issuer = Organization(name: LocalizedString("Issuer"))
        c.validFrom = "2026-01-01T00:00:00Z"
        c.achievement = Achievement(name: LocalizedString("Badge", language: "en"))
        let (out, report) = try OB3.write(c)
        #expect(out.objectValue?["id"] == .string("urn:uuid:00000000-0000-4000-8000-000000000000"))
        #expect(report.warnings.contains { $0.message.contains("credential id was missing") })
        #expect(report.warnings.contains { $0.message.contains("issuer id was missing") })
        #expect(report.warnings.contains { $0.message.contains("no description") })
    }

    @Test func writerRefusesACredentialWithoutIssuer() throws {
        var c = Credential(provenance: Provenance(sourceFormat: "test"))
        c.validFrom = "2026-01-01T00:00:00Z"
        c.achievement = Achievement(name: LocalizedString("Badge"))
        #expect(throws: Diagnostic.self) { try OB3.write(c) }
    }
}
