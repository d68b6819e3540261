import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Every JSON-LD document credconv writes expands with nothing dropped and nothing left relative (JSON-LD
/// "safe mode"): each member is data JSON-LD consumers see and an RDFC proof covers.
@Suite("JSON-LD output: nothing dropped by expansion")
struct JSONLDOutputTests {
    static let jsonldWriters: [FormatName] = [.ob3, .elm]

    static func write(_ model: Credential, to format: FormatName) throws -> [UInt8] {
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        var report = ConversionReport()
        return try Converter().write(model, options: options, input: [], report: &report)
    }

    static func findings(_ bytes: [UInt8]) throws -> [String] {
        try JSONLDCheck().check(bytes).findings.map(\.description)
    }

    /// ELM only: the sampler fills IRI fields (concept schemes, service types, contexts) with placeholder
    /// text, which the ELM writer refuses (reported) and the OB 3.0 writer keeps as given (its extension
    /// round-trips any text, and signing then names what JSON-LD would drop).
    @Test func theModelWithEveryPropertySetExpandsWholeAsELM() throws {
        let format = FormatName.elm
        let found = try Self.findings(try Self.write(ModelSampler.make().credential, to: format))
        #expect(found == [], "\(format):\n\(found.joined(separator: "\n"))")
    }

    @Test(arguments: jsonldWriters)
    func theRichCredentialExpandsWhole(_ format: FormatName) throws {
        let found = try Self.findings(try Self.write(RichCredential.make(), to: format))
        #expect(found == [], "\(format):\n\(found.joined(separator: "\n"))")
    }

    @Test(arguments: jsonldWriters)
    func everySampleConvertedExpandsWhole(_ format: FormatName) throws {
        let folder = TestPaths.repository("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".png") }
        var checked = 0
        for name in names.sorted() where !name.hasSuffix("keys") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            var options = ConversionOptions(to: format)
            options.pageImage = .none
            guard let output = try? Converter().convert([UInt8](try Data(contentsOf: url)), options: options) else { continue }
            let found = try Self.findings(output.bytes)
            #expect(found == [], "\(name) → \(format):\n\(found.joined(separator: "\n"))")
            checked += 1
        }
        #expect(checked >= 6)
    }

    @Test func theSamplesThatAreJSONLDExpandWhole() throws {
        for name in ["ob3-microcredential.json", "elm-microcredential.jsonld", "elm-microcredential.ob3.json", "ob3-microcredential.jwt"] {
            let found = try Self.findings([UInt8](try Data(contentsOf: TestPaths.repository("samples/" + name))))
            #expect(found == [], "\(name):\n\(found.joined(separator: "\n"))")
        }
    }
}
