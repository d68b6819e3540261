import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// An EndorsementCredential has no Europass form: the Europass writers refuse it (exit 65) instead of
/// writing an empty personal credential; its comment goes to every target that can hold it and is
/// reported everywhere else.
@Suite("Endorsement credentials")
struct EndorsementTests {
    static let endorsement = #"""
    {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
     "id": "urn:uuid:2f0e6b0a-5c1e-4a8e-9d55-0d7f3a1b2c3d",
     "type": ["VerifiableCredential", "EndorsementCredential"],
     "name": "Endorsement of the Data Literacy programme",
     "issuer": {"id": "https://agency.example/", "type": ["Profile"], "name": "Quality Agency"},
     "validFrom": "2026-01-15T00:00:00Z",
     "credentialSubject": {"id": "https://www.tu-example.eu/microcredentials/data-literacy-pa", "type": ["EndorsementSubject"],
                           "endorsementComment": "Meets the agency's micro-credential standard."}}
    """#

    static func convert(_ to: FormatName) throws -> (text: String, report: ConversionReport) {
        var options = ConversionOptions(to: to)
        options.pageImage = .none
        let r = try Converter().convert(Array(endorsement.utf8), options: options)
        return (String(decoding: r.bytes, as: UTF8.self), r.report)
    }

    @Test(arguments: [FormatName.elmXML, .elm])
    func europassRefusesIt(_ format: FormatName) throws {
        do {
            _ = try Self.convert(format)
            Issue.record("\(format) wrote an endorsement")
        } catch let e as Diagnostic {
            #expect(e.code == .noFormInTarget && e.exitCode == 65)
        }
    }

    @Test func theCommentGoesWhereItFitsAndIsReportedElsewhere() throws {
        let (ob3, _) = try Self.convert(.ob3)
        #expect(try JSONParser().parse(Array(ob3.utf8)).objectValue?["credentialSubject"]?.objectValue?["endorsementComment"]
                == .string("Meets the agency's micro-credential standard."))
        let (html, _) = try Self.convert(.html)
        #expect(html.contains("<dt>Endorsement comment</dt><dd>Meets the agency&#39;s micro-credential standard.</dd>"))
        // OB 2.0 has an Endorsement class: the comment is its claim's, and it reads back as an endorsement.
        let (ob2, ob2Report) = try Self.convert(.ob2)
        let endorsement = try #require(try JSONParser().parse(Array(ob2.utf8)).objectValue)
        #expect(endorsement["type"] == .string("Endorsement"))
        #expect(endorsement["claim"]?.objectValue?["endorsementComment"] == .string("Meets the agency's micro-credential standard."))
        #expect(endorsement["claim"]?.objectValue?["id"] == .string("https://www.tu-example.eu/microcredentials/data-literacy-pa"))
        #expect(!ob2Report.lost.contains { $0.location == .modelPath("endorsementComment") || $0.location == .modelPath("kind") })
        let back = try Converter().convert(Array(ob2.utf8), options: ConversionOptions(to: .ob3))
        let again = try #require(try JSONParser().parse(back.bytes).objectValue)
        #expect(again["type"] == .array([.string("VerifiableCredential"), .string("EndorsementCredential")]))
        #expect(again["credentialSubject"]?.objectValue?["endorsementComment"] == .string("Meets the agency's micro-credential standard."))
        // Every target that writes endorsements holds the comment (Europass refuses them, above).
        let (model, _) = try Self.convert(.model)
        #expect(model.contains("Meets the agency"))
    }

    @Test func theCommandLineExitsWith65() throws {
        let r = try ProcessRunner.credconv(["-t", "elm-xml"], stdin: Array(Self.endorsement.utf8))
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("[data.no-form-in-target]"))
    }
}
