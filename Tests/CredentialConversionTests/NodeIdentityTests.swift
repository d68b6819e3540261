import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// One identifier, one node: every JSON-LD and Europass XML document credconv writes — from every bundled
/// sample and every Europass reference document, and again from its own output — gives each id to one
/// node only (an independent stdlib checker, scripts/node-identity-check.py, decides).
@Suite("One identifier, one node", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct NodeIdentityTests {
    static var inputs: [URL] {
        let samples = ["ob3-microcredential.json", "ob2-microcredential.json", "elm-microcredential.xml", "elm-microcredential.jsonld"]
            .map { TestPaths.repository("samples/\($0)") }
        return samples
            + TestPaths.referenceFiles("europass/elm-v2-xml/samples", extensions: ["xml"])
            + TestPaths.referenceFiles("europass/elm-v3-jsonld/samples", extensions: ["jsonld"])
            + [TestPaths.reference("europass/elm-v3-jsonld/ebsi-json-schema/example-Microcredential-Data-and-software-business.json")]
    }

    func convert(_ bytes: [UInt8], to format: FormatName) throws -> [UInt8] {
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        return try Converter().convert(bytes, options: options).bytes
    }

    @Test(arguments: [FormatName.elm, .elmXML, .ob3])
    func everyOutputAndItsRoundTripGivesEachIdToOneNode(_ format: FormatName) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let suffix = format == .elmXML ? "xml" : "json"
        var files: [URL] = []
        for (i, input) in Self.inputs.enumerated() {
            let once = try convert([UInt8](try Data(contentsOf: input)), to: format)
            let twice = try convert(once, to: format)
            for (n, bytes) in [once, twice].enumerated() {
                let file = dir.appendingPathComponent("\(i)-\(input.deletingPathExtension().lastPathComponent)-\(n).\(suffix)")
                try Data(bytes).write(to: file)
                files.append(file)
            }
        }
        #expect(files.count == Self.inputs.count * 2 && files.count >= 16)
        let result = try Oracle.check("node-identity-check.py", files)
        #expect(result.status == 0, "\(result.stdoutText.prefix(3000))")
    }
}
