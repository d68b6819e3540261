import CredconvTestSupport
import CredentialModel
import Europass
import Foundation
import XMLSupport

/// Helpers for the Europass tests.
enum ELM {
    static let fixedIdentifiers: @Sendable () -> String = { "urn:uuid:00000000-0000-4000-8000-000000000000" }
    static let samples = ["EDC_WileECoyote_Simple.xml", "EDC_SampleACT_AA.xml", "EDC_SampleDegree_AA.xml", "credential-generic-profile-xsd-signed.xml"]

    static func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPaths.reference("europass/elm-v2-xml/samples/\(name)")))
    }

    static func read(_ bytes: [UInt8]) throws -> (Credential, ConversionReport) {
        var report = ConversionReport()
        return (try ELMXMLReader().read(bytes, report: &report), report)
    }

    static func read(_ text: String) throws -> (Credential, ConversionReport) { try read(Array(text.utf8)) }

    static func write(_ c: Credential) throws -> ([UInt8], ConversionReport) {
        var report = ConversionReport()
        return (try ELMXMLWriter(options: ELMXMLWriterOptions(makeIdentifier: fixedIdentifiers)).write(c, report: &report), report)
    }

    static func refusal(_ text: String) -> Diagnostic? {
        do {
            _ = try read(text)
            return nil
        } catch let e as Diagnostic {
            return e
        } catch {
            return Diagnostic(.invalidValue, "\(error)")
        }
    }

    /// The official ELM v2 schema, compiled once.
    static let schema: XMLSchemaSet? = try? XMLSchemaSet(contentsOf: TestPaths.reference("europass/elm-v2-xml/xsd/genericschema_1.2.xsd").path)

    /// credconv's own, stricter profile of what it writes (schemas/credconv-elm-profile.xsd).
    static let profile: XMLSchemaSet? = try? XMLSchemaSet(contentsOf: TestPaths.repository("schemas/credconv-elm-profile.xsd").path)

    /// Violations of the official schema and of credconv's profile (libxml2 in process).
    static func violations(_ bytes: [UInt8]) throws -> [XMLIssue] {
        guard let schema, let profile else { return [XMLIssue(level: .error, line: 0, column: 0, message: "a schema did not compile")] }
        let tree = try XMLTree(parsing: bytes)
        return schema.validate(tree) + profile.validate(tree).map { issue in
            var i = issue
            i.message = "credconv profile: " + i.message
            return i
        }
    }

    /// Validates with xmllint against the ELM v2 schema (see ``Oracle/europassXMLSchemaCheck(_:)``).
    static func xmllint(_ files: [URL]) throws -> ProcessResult? { try Oracle.europassXMLSchemaCheck(files) }

    static func files(_ documents: [(String, [UInt8])]) throws -> [URL] {
        let dir = TestPaths.temporaryDirectory()
        return try documents.map { name, bytes in
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
    }

    /// The Annex I elements and the specification details that a Europass → model → Europass round trip
    /// must keep, as patterns over value paths (see scripts/elm-xml-values.py).
    static let keptValuePatterns = [
        "^/title/", "^/description/", "^/type/@uri", "^/primaryLanguage", "^/validFrom", "^/issued", "^/validUntil",
        "^/issuer/(prefLabel|registration|homepage|hasLocation/hasAddress/country/@uri)",
        "^/credentialSubject/(fullName|givenNames|familyName)/text", "^/credentialSubject/(dateOfBirth|nationalId|identifier)$",
        "^/credentialSubject/(gender|citizenshipCountry)/@uri", "^/credentialSubject/contactPoint/mailBox/@uri",
        "learningAchievement/title/text", "learningAchievement/description/text",
        "learningAchievement/wasDerivedFrom/(title/text|grade|issuedDate|idVerificationMethod/@uri)$",
        "learningAchievement/wasAwardedBy/(date|awardingBody/prefLabel/text|awardingBody/hasLocation/hasAddress/country/@uri)$",
        "learningAchievement/specifiedBy/(title/text|hasECTSCreditPoints|hasCreditPoints|volumeOfLearning|duration|eqfLevel/@uri|nqfLevel/@uri|hasISCED-FCode/@uri|learningSettingType/@uri|entryRequirementsNote/text|isPartialQualification|homepage/@uri|supplementaryDoc/@uri|additionalNote/text)$",
        "learningAchievement/specifiedBy/learningOutcomes/learningOutcome/(prefLabel/text|relatedEscoSkill/@uri|relatedSkill/@uri)$",
    ]
}
