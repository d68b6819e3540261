import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// The two Europass formats name the ESCO skill scheme differently; each writes its own name, says so,
/// and the skill is not reported as changed.
@Suite("Europass: the ESCO skill scheme as each format names it")
struct EscoSkillSchemeTests {
    @Test(arguments: [("elm-microcredential.jsonld", "elm-xml", "http://data.europa.eu/esco/model#Skill"),
                      ("elm-microcredential.xml", "elm", "http://data.europa.eu/esco/concept-scheme/skills")] as [(String, FormatName, String)])
    func schemeIsRenamedWithAWarning(_ sample: String, _ target: FormatName, _ scheme: String) throws {
        var options = ConversionOptions(to: target)
        options.pageImage = .none
        let result = try Converter().convert([UInt8](try Data(contentsOf: TestPaths.repository("samples/\(sample)"))), options: options)
        #expect(String(decoding: result.bytes, as: UTF8.self).contains(scheme))
        let atScheme = result.report.diagnostics.filter {
            guard case .modelPath(let p)? = $0.location else { return false }
            return p.hasSuffix(".scheme") && p.contains("relatedSkills")
        }
        #expect(!atScheme.isEmpty && atScheme.allSatisfy { $0.code == .writtenDifferently && $0.severity == .warning }, "\(atScheme)")
    }
}
