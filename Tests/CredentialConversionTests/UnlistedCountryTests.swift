import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// A document both official OB 3.0 schemas accept is not refused: a country code outside the ISO list
/// (user-assigned `XX`) is kept with a warning, and a target that needs an alpha-3 code reports it lost.
@Suite("Country codes outside the ISO list")
struct UnlistedCountryTests {
    static func input() throws -> [UInt8] {
        var text = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""addressCountryCode": "DE""#, with: #""addressCountryCode": "XX""#)
        #expect(text.contains(#""addressCountryCode": "XX""#))
        return Array(text.utf8)
    }

    func convert(_ to: FormatName) throws -> (text: String, report: ConversionReport) {
        var options = ConversionOptions(to: to)
        options.pageImage = .none
        let r = try Converter().convert(try Self.input(), options: options)
        return (String(decoding: r.bytes, as: UTF8.self), r.report)
    }

    @Test func openBadgesKeepsItWithAWarning() throws {
        let (ob3, report) = try convert(.ob3)
        #expect(report.warnings.contains { $0.code == .nonconformingInput && $0.location == .jsonPointer("/issuer/address/addressCountryCode") })
        let issuer = try #require(try JSONParser().parse(Array(ob3.utf8)).objectValue?["issuer"]?.objectValue)
        #expect(issuer["address"]?.objectValue?["addressCountryCode"] == .string("XX"))
        let (model, _) = try convert(.model)
        #expect(model.contains(#""unlistedCountryCode": "XX""#))
    }

    @Test(arguments: [FormatName.elmXML, .elm])
    func europassReportsItLost(_ format: FormatName) throws {
        let (_, report) = try convert(format)
        #expect(report.lost.contains { $0.location == .modelPath("issuer.address.unlistedCountryCode") && $0.code == .valueNotExpressible })
    }
}
