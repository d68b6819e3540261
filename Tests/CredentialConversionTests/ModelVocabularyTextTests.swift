import CredentialModel
import OpenBadges
import Testing

/// Small texts the readers recognise on every record: number texts, EQF level IRIs, Open Badges
/// context IRIs. They are checked on bytes; these pin down what they accept.
@Suite("Number texts, EQF IRIs and OB context IRIs")
struct ModelVocabularyTextTests {
    /// A number text trims spaces (Europass codes carry them) and then must be one JSON number lexeme.
    @Test func numberTextsTrimThenCheck() {
        #expect(NumberText(" 2.5\t")?.text == "2.5")
        #expect(NumberText("\u{A0}5\u{2003}")?.text == "5")
        #expect(NumberText("6")?.text == "6")
        #expect(NumberText("-0.5e2")?.text == "-0.5e2")
        #expect(NumberText("5 ECTS") == nil)
        #expect(NumberText("05") == nil)
        #expect(NumberText("1e400") == nil)
        #expect(NumberText(" ") == nil)
        #expect("abc".trimmingSpaces() == "abc")
        #expect(" a b ".trimmingSpaces() == "a b")
        #expect("é".trimmingSpaces() == "é")
        #expect("x\u{2003}".trimmingSpaces() == "x")
        #expect("\n".trimmingSpaces() == "")
    }

    @Test func eqfLevelsAreKnownByTheirIRIs() {
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/eqf/6") == 6)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "https://data.europa.eu/snb/eqf/1") == 1)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/eqf/9") == nil)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/eqf/0") == nil)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/eqf/6x") == nil)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/eqf/") == nil)
        #expect(EUVocabulary.eqfLevelNumber(ofIRI: "http://data.europa.eu/snb/qdr/6") == nil)
        #expect(EUVocabulary.eqfLevel(6)?.id == "http://data.europa.eu/snb/eqf/6")
        #expect(EUVocabulary.eqfLevel(6)?.notation == "6")
        #expect(EUVocabulary.eqfLevel(8)?.label?.best(preferring: ["en"]) == "EQF level 8")
        #expect(EUVocabulary.eqfLevel(0) == nil && EUVocabulary.eqfLevel(9) == nil)
    }

    @Test func openBadgesContextsAndTheirVersions() {
        let base = "https://purl.imsglobal.org/spec/ob/v3p0/context"
        #expect(OB3Vocabulary.isOBContext(base + "-3.0.3.json"))
        #expect(OB3Vocabulary.obContextVersion(base + "-3.0.3.json") == "3.0.3")
        #expect(OB3Vocabulary.isOBContext(base + "-3.0.12.json"))
        #expect(OB3Vocabulary.obContextVersion(base + "-3.0.12.json") == "3.0.12")
        #expect(OB3Vocabulary.isOBContext(base + ".json"))
        #expect(OB3Vocabulary.obContextVersion(base + ".json") == "3.0")
        #expect(OB3Vocabulary.isOBContext(OB3Vocabulary.preReleaseContext))
        #expect(OB3Vocabulary.obContextVersion(OB3Vocabulary.preReleaseContext) == "3.0 draft")
        for refused in ["-3.0.json", "-3..3.json", "-3.0.3a.json", "-.json", "-3.0.3.", "3.0.3.json", "-3.0.3.4.json", "-3.0..json", "-.0.3.json"] {
            #expect(!OB3Vocabulary.isOBContext(base + refused), "\(refused)")
        }
        #expect(!OB3Vocabulary.isOBContext("https://www.w3.org/ns/credentials/v2"))
    }
}
