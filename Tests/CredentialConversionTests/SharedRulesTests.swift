import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Rules that live once, in the model, and hold for every writer.
@Suite("Shared rules: language choice, email addresses")
struct SharedRulesTests {
    static let sample = TestPaths.repository("samples/ob3-microcredential.json")

    func write(_ to: FormatName, language: String?) throws -> (text: String, report: ConversionReport) {
        var options = ConversionOptions(to: to, language: language)
        options.pageImage = .none
        let out = try Converter().convert([UInt8](try Data(contentsOf: Self.sample)), options: options)
        return (String(decoding: out.bytes, as: UTF8.self), out.report)
    }

    @Test func langChoosesThePrimaryLanguageOfEveryEuropassWriter() throws {
        // The sample's title is in English, German and French; English is its stated language.
        #expect(try write(.elmXML, language: "de").text.contains("<primaryLanguage>de</primaryLanguage>"))
        #expect(try write(.elmXML, language: nil).text.contains("<primaryLanguage>en</primaryLanguage>"))
        // A language it has no text in does not become primary.
        #expect(try write(.elmXML, language: "es").text.contains("<primaryLanguage>en</primaryLanguage>"))
        let elm = try #require(try JSONParser().parse(Array(try write(.elm, language: "fr").text.utf8)).objectValue)
        let primary = elm["displayParameter"]?.objectValue?["primaryLanguage"]?.objectValue?["id"]
        #expect(primary == .string("http://publications.europa.eu/resource/authority/language/FRA"))
    }

    @Test func aCredentialWithNoKnownLanguageGetsTheDefaultWithAWarning() {
        var c = Credential(provenance: Provenance(sourceFormat: "model"))
        c.name = LocalizedString("Untagged title")
        #expect(c.primaryLanguage(preferring: []) == Credential.LanguageChoice(tag: "en", isDefault: true))
        #expect(c.primaryLanguage(preferring: ["nl-NL"], acceptable: { $0.lowercased().hasPrefix("nl") ? "nl" : nil }).tag == "nl")
        c.primaryLanguage = "de"
        #expect(c.primaryLanguage(preferring: ["fr"]) == Credential.LanguageChoice(tag: "de", isDefault: false))
    }

    @Test func emailAddressesMeetTheirIRIsInOnePlace() {
        #expect(EmailAddress.plain("MAILTO:ana@example.org?subject=x") == "ana@example.org")
        #expect(EmailAddress.plain(" ana@example.org ") == "ana@example.org")
        #expect(EmailAddress.mailtoIRI("mailto:ana@example.org") == "mailto:ana@example.org")
        #expect(EmailAddress.mailtoIRI("ana@example.org") == "mailto:ana@example.org")
    }

    @Test func twoTextsInOneLanguageAreBothKept() throws {
        let text = #"""
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": {"id": "https://example.edu/i", "type": ["Profile"], "name": "Example"}, "validFrom": "2026-01-01T00:00:00Z",
             "name": [{"@value": "First", "@language": "en"}, {"@value": "Second", "@language": "en"}],
             "credentialSubject": {"id": "did:example:1", "type": ["AchievementSubject"],
               "achievement": {"id": "https://example.edu/a", "type": ["Achievement"], "name": "A", "description": "d", "criteria": {"narrative": "n"}}}}
            """#
        var report = ConversionReport()
        let (c, _) = try Converter().read(Array(text.utf8), options: ConversionOptions(to: .model), report: &report)
        #expect(c.name?.text(for: "en") == "First\nSecond")
        #expect(LocalizedString(entries: [.init(language: "de", text: "a"), .init(language: "de", text: "b")]).text(for: "de") == "a\nb")
    }
}
