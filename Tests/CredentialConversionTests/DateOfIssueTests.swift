import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// One rule for the date of issue: a credential whose issue, award and validity dates all differ has the
/// same date of issue in `check`, the certificate and every format that writes one.
@Suite("Date of issue, one rule everywhere")
struct DateOfIssueTests {
    static let issued = "2026-03-01T00:00:00Z"
    static let awarded = "2026-02-01T00:00:00Z"
    static let validFrom = "2026-04-01T00:00:00Z"

    /// The OB 3.0 sample with three different dates.
    static func input() throws -> [UInt8] {
        var text = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""validFrom": "2026-06-30T00:00:00Z","#, with: #""validFrom": "\#(validFrom)", "issued": "\#(issued)","#)
        text = text.replacingOccurrences(of: #""awardedDate": "2026-06-30T00:00:00Z""#, with: #""awardedDate": "\#(awarded)""#)
        return Array(text.utf8)
    }

    func write(_ to: FormatName) throws -> String {
        var options = ConversionOptions(to: to)
        options.pageImage = .none
        return String(decoding: try Converter().convert(try Self.input(), options: options).bytes, as: UTF8.self)
    }

    @Test func theModelDerivesItFromTheStatedDateFirst() throws {
        var report = ConversionReport()
        let (credential, _) = try Converter().read(try Self.input(), options: ConversionOptions(to: .ob3), report: &report)
        #expect(credential.issued == Self.issued && credential.awardedDate == Self.awarded && credential.validFrom == Self.validFrom)
        #expect(credential.dateOfIssue == Credential.DerivedDate(value: Self.issued, modelPath: "issued"))
        var withoutIssued = credential
        withoutIssued.issued = nil
        #expect(withoutIssued.dateOfIssue == Credential.DerivedDate(value: Self.awarded, modelPath: "awardedDate"))
        withoutIssued.awardedDate = nil
        withoutIssued.awarding?.date = nil
        #expect(withoutIssued.dateOfIssue == Credential.DerivedDate(value: Self.validFrom, modelPath: "validFrom"))
    }

    @Test func checkCertificateAndWritersAgree() throws {
        let check = try CredentialCheck().check(try Self.input(), profile: .euMicrocredential, options: ConversionOptions(to: .model))
        let element = try #require(check.elements.first { $0.name == "date-of-issuing" })
        #expect(element.value == Self.issued)
        #expect(element.modelPath == "issued")

        let html = try write(.html)
        #expect(html.contains("<dt>Date of issue</dt><dd>2026-03-01</dd>"))

        let xml = try write(.elmXML)
        #expect(xml.contains("<cred:issued>\(Self.issued)</cred:issued>"))
        #expect(xml.contains("<cred:validFrom>\(Self.validFrom)</cred:validFrom>"))

        let elm = try #require(try JSONParser().parse(Array(try write(.elm).utf8)).objectValue)
        #expect(elm["issued"] == .string(Self.issued))
        #expect(elm["validFrom"] == .string(Self.validFrom))

        let ob2 = try #require(try JSONParser().parse(Array(try write(.ob2).utf8)).objectValue)
        #expect(ob2["issuedOn"] == .string(Self.issued))

        let ob3 = try #require(try JSONParser().parse(Array(try write(.ob3).utf8)).objectValue)
        #expect(ob3["validFrom"] == .string(Self.validFrom))
        #expect(ob3["awardedDate"] == .string(Self.awarded))
        #expect(ob3["issued"] == .string(Self.issued))
    }

    /// The certificate's `<dt>label</dt><dd>value</dd>` rows, unescaped.
    static func certificateRows(_ html: String) -> [String: String] {
        var rows: [String: String] = [:]
        for piece in html.components(separatedBy: "<dt>").dropFirst() {
            guard let labelEnd = piece.range(of: "</dt><dd>"), let valueEnd = piece.range(of: "</dd>") else { continue }
            let label = String(piece[..<labelEnd.lowerBound])
            var value = String(piece[labelEnd.upperBound..<valueEnd.lowerBound])
            for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: ch)
            }
            rows[label] = value
        }
        return rows
    }

    /// The OB 3.0 narrative summary and the certificate show the values check reports: one projection.
    @Test(arguments: ["ob3-microcredential.json", "elm-microcredential.xml", "elm-microcredential.jsonld", "three-dates"])
    func narrativeSummaryCertificateAndCheckAgree(_ name: String) throws {
        let input = name == "three-dates" ? try Self.input() : [UInt8](try Data(contentsOf: TestPaths.repository("samples/\(name)")))
        let check = try CredentialCheck().check(input, profile: .euMicrocredential, options: ConversionOptions(to: .model))
        let ob3 = try Converter().convert(input, options: ConversionOptions(to: .ob3, compact: true))
        let doc = try #require(try JSONParser().parse(ob3.bytes).objectValue)
        let criteria = doc["credentialSubject"]?.objectValue?["achievement"]?.objectValue?["criteria"]?.objectValue
        let narrative = try #require(criteria?["narrative"]?.stringValue)
        let summary = try #require(narrative.components(separatedBy: "<!-- credconv: micro-credential information -->").last)
        func line(_ label: String) -> String? {
            summary.split(separator: "\n").first { $0.hasPrefix("- **\(label):** ") }.map { String($0.dropFirst("- **\(label):** ".count)) }
        }
        let pairs = [("Workload", "workload"), ("Level", "level"), ("Type of assessment", "assessment-type"),
                     ("Form of participation", "participation"), ("Quality assurance", "quality-assurance"),
                     ("Prerequisites", "prerequisites"), ("Supervision and identity verification", "supervision"),
                     ("Grade", "grade"), ("Integration and stackability", "stackability")]
        var options = ConversionOptions(to: .html)
        options.pageImage = .none
        let certificate = Self.certificateRows(String(decoding: try Converter().convert(input, options: options).bytes, as: UTF8.self))
        var compared = 0
        for (label, element) in pairs {
            let value = check.elements.first { $0.name == element }?.value
            #expect(line(label) == value, "\(name): summary \(label)")
            #expect(certificate[label] == value, "\(name): certificate \(label)")
            if value != nil { compared += 1 }
        }
        #expect(compared >= 7)
        let date = try #require(check.elements.first { $0.name == "date-of-issuing" }?.value)
        #expect(certificate["Date of issue"] == String(date.prefix(10)))
        #expect(certificate["Country of the issuer"] == check.elements.first { $0.name == "issuer-country" }?.value)
    }
}
