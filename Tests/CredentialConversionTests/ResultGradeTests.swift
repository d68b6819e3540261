import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// An Open Badges 3.0 result tied to a result description is the grade of the assessment in Europass
/// (the description's name and allowed values as the grading scheme) and comes back as a result.
@Suite("Results as grades")
struct ResultGradeTests {
    static let letterGrade = #"""
{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:9a1c1e34-7d1a-4d59-8c1b-0f6f1e2a3b4c",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "name": "Statistics I",
  "issuer": {"id": "https://uni.example/", "type": ["Profile"], "name": "Example University",
             "address": {"type": ["Address"], "addressCountryCode": "NL"}},
  "validFrom": "2026-05-01T00:00:00Z",
  "credentialSubject": {
    "type": ["AchievementSubject"],
    "id": "did:example:student-1",
    "achievement": {
      "id": "https://uni.example/courses/stat1",
      "type": ["Achievement"],
      "name": "Statistics I",
      "description": "An introductory statistics course.",
      "criteria": {"narrative": "Pass the exam."},
      "resultDescription": [
        {"id": "https://uni.example/courses/stat1#grade", "type": ["ResultDescription"], "name": "Final grade",
         "resultType": "LetterGrade", "allowedValue": ["A", "B", "C", "D", "F"]}
      ]
    },
    "result": [{"type": ["Result"], "resultDescription": "https://uni.example/courses/stat1#grade", "value": "B"}]
  }
}
"""#

    static func convert(_ input: String, to format: FormatName) throws -> (text: String, report: ConversionReport) {
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        let result = try Converter().convert(Array(input.utf8), options: options)
        return (String(decoding: result.bytes, as: UTF8.self), result.report)
    }

    @Test func europassXMLGradesTheAssessmentAndNothingIsReportedLost() throws {
        let (xml, report) = try Self.convert(Self.letterGrade, to: .elmXML)
        #expect(xml.contains("<grade>B</grade>"))
        #expect(xml.contains(#"<scoringScheme id="https://uni.example/courses/stat1#grade">"#))
        #expect(xml.contains(">Final grade (A, B, C, D, F)</text>"))
        #expect(report.lost.filter { $0.location == .modelPath("results[0]") }.isEmpty)
        #expect(report.warnings.contains { $0.code == .writtenDifferently && $0.location == .modelPath("results[0]") })
        let (ob3, _) = try Self.convert(xml, to: .ob3)
        let results = try #require(try JSONParser().parse(Array(ob3.utf8)).objectValue?["credentialSubject"]?.objectValue?["result"]?.arrayValue)
        #expect(results.contains { $0.objectValue?["value"] == .string("B") })
    }

    @Test func elmV3GradesTheAssessmentWithTheGradingScheme() throws {
        let (elm, report) = try Self.convert(Self.letterGrade, to: .elm)
        let doc = try #require(try JSONParser().parse(Array(elm.utf8)).objectValue)
        let claim = try #require(doc["credentialSubject"]?.objectValue?["hasClaim"]?.objectValue)
        let assessment = try #require(claim["provenBy"]?.objectValue)
        #expect(assessment["grade"]?.objectValue?["noteLiteral"]?.objectValue?["en"] == .string("B"))
        #expect(assessment["title"]?.objectValue?["en"] == .string("Final grade"))
        let scheme = assessment["specifiedBy"]?.objectValue?["gradingScheme"]?.objectValue
        #expect(scheme?["id"] == .string("https://uni.example/courses/stat1#grade"))
        #expect(scheme?["title"]?.objectValue?["en"] == .string("Final grade (A, B, C, D, F)"))
        #expect(report.lost.filter { $0.location == .modelPath("results[0]") }.isEmpty)
        let (ob3, _) = try Self.convert(elm, to: .ob3)
        let results = try #require(try JSONParser().parse(Array(ob3.utf8)).objectValue?["credentialSubject"]?.objectValue?["result"]?.arrayValue)
        #expect(results.contains { $0.objectValue?["value"] == .string("B") })
    }

    @Test func aSecondResultIsReportedLost() throws {
        let twoResults = Self.letterGrade.replacingOccurrences(
            of: #""value": "B"}]"#,
            with: #""value": "B"}, {"type": ["Result"], "value": "93 %"}]"#)
        let (_, report) = try Self.convert(twoResults, to: .elmXML)
        #expect(report.lost.contains { $0.location == .modelPath("results[1]") })
        #expect(!report.lost.contains { $0.location == .modelPath("results[0]") })
    }
}
